"""A process that imports torch, transformers and emprobe once, then forks a child per request that runs one
``emprobe`` command, so a test can start (and SIGKILL) many commands without paying ~4 s of imports each time.

Protocol, one JSON object per line on stdin, one answer per line on stdout:
  {"run": [args...], "cwd": dir, "env": {..}}   -> {"pid": child pid}
  {"poll": pid}                                  -> {"status": exit code, or null while it runs}
  {"wait": pid}                                  -> {"status": exit code (-9 after a SIGKILL)}
The parent never runs model code itself (a fork after that could inherit busy thread pools).
"""
from __future__ import annotations

import json
import os
import sys


def _status(raw: int) -> int:
    return -os.WTERMSIG(raw) if os.WIFSIGNALED(raw) else os.WEXITSTATUS(raw)


def main() -> None:
    import accelerate  # noqa: F401  (warm imports, shared copy-on-write with every child)
    import matplotlib.pyplot  # noqa: F401
    import nnsight  # noqa: F401
    import openai  # noqa: F401
    import peft  # noqa: F401
    import scipy.stats  # noqa: F401
    import sklearn.linear_model  # noqa: F401
    import torch  # noqa: F401
    import transformers  # noqa: F401
    import transformers.models.qwen2.modeling_qwen2  # noqa: F401

    import emprobe.activations.extract  # noqa: F401
    import emprobe.behavioral.runner  # noqa: F401
    import emprobe.cli
    import emprobe.train  # noqa: F401

    for line in sys.stdin:
        request = json.loads(line)
        if "run" in request:
            pid = os.fork()
            if pid == 0:
                os.chdir(request["cwd"])
                os.environ.update(request.get("env", {}))
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, 1)
                os.dup2(null, 2)
                code = 0
                try:
                    emprobe.cli.cli.main(args=request["run"], prog_name="emprobe", standalone_mode=True)
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                except BaseException:  # noqa: BLE001
                    code = 1
                os._exit(code)
            answer = {"pid": pid}
        elif "poll" in request:
            done, raw = os.waitpid(request["poll"], os.WNOHANG)
            answer = {"status": _status(raw) if done else None}
        else:
            answer = {"status": _status(os.waitpid(request["wait"], 0)[1])}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
