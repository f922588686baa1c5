"""GPU checks on a Qwen2.5-32B-shaped random model in bfloat16 (needs a CUDA GPU with ~80 GB free).

What only a GPU run can show: the real nnsight read and intervention paths at layer 40 of a 64-layer, 5,120-wide
model in bf16 (parity with HF hidden states, exactness of α·d, ablation residue), the time of stopping after layer
40 against a full forward, steered generation's per-token cost, and one LoRA step's peak memory, and the prefix-tree
readout against brute force.

    python benchmarks/gpu_check.py --out gpu_check.json        # about 3 minutes on one H200
"""
from __future__ import annotations

import argparse
import json
import time

import torch

QWEN25_32B = dict(hidden_size=5120, intermediate_size=27648, num_hidden_layers=64, num_attention_heads=40,
                  num_key_value_heads=8, vocab_size=152064, max_position_embeddings=32768, rope_theta=1e6,
                  rms_norm_eps=1e-6, tie_word_embeddings=False)


DEVICE = "cuda"


def sync():
    if DEVICE == "cuda":
        torch.cuda.synchronize()


def timed(fn, repeats=3):
    fn()
    sync()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - start)
    return min(times)


def downstream_input(model, layer, run):
    from emprobe.models.layers import decoder_layers

    seen = {}

    def record(module, args, kwargs):
        seen["h"] = args[0] if args else kwargs["hidden_states"]

    handle = decoder_layers(model)[layer + 1].register_forward_pre_hook(record, with_kwargs=True)
    try:
        run()
    finally:
        handle.remove()
    return seen["h"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layer", type=int, default=40)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--seq", type=int, default=512)
    parser.add_argument("--layers", type=int, default=64, help="decoder layers (64 = Qwen2.5-32B)")
    parser.add_argument("--out", default="gpu_check.json")
    parser.add_argument("--tiny", action="store_true", help="a dry run of the script on the CPU with a tiny shape")
    args = parser.parse_args()
    global DEVICE
    shape = dict(QWEN25_32B, num_hidden_layers=args.layers)
    if args.tiny:
        DEVICE = "cpu"
        shape.update(hidden_size=64, intermediate_size=128, num_attention_heads=4, num_key_value_heads=2,
                     vocab_size=300, num_hidden_layers=8)
        args.layer, args.layers, args.seq = 5, 8, 64

    from transformers import Qwen2Config, Qwen2ForCausalLM

    from emprobe.generate import SamplingSettings, render_prompt, sample_batch
    from emprobe.intervene import Intervention, steered_forward
    from emprobe.models import LoadedModel
    from emprobe.models.tiny_qwen2 import build_tokenizer
    from emprobe.tracing import read_layer_outputs, wrap

    res: dict = {"device": torch.cuda.get_device_name() if DEVICE == "cuda" else "cpu", "torch": torch.__version__,
                 "shape": shape}
    start = time.perf_counter()
    torch.manual_seed(0)
    torch.set_default_dtype(torch.bfloat16)
    with torch.device(DEVICE):
        model = Qwen2ForCausalLM(Qwen2Config(**shape)).eval()
    torch.set_default_dtype(torch.float32)
    sync()
    res["init_s"] = time.perf_counter() - start
    res["params_b"] = sum(p.numel() for p in model.parameters()) / 1e9
    res["weights_gib"] = torch.cuda.memory_allocated() / 2**30 if DEVICE == "cuda" else None
    tok = build_tokenizer()
    traced = wrap(model, tok)
    gen = torch.Generator().manual_seed(0)
    ids = torch.randint(0, 250, (args.batch, args.seq), generator=gen).to(DEVICE)
    inputs = {"input_ids": ids, "attention_mask": torch.ones_like(ids)}
    L = args.layer

    # 1. parity: nnsight's layer-L output vs HF hidden_states[L + 1], both in bf16
    with torch.no_grad():
        hf = model(**inputs, output_hidden_states=True).hidden_states[L + 1]
        ours = read_layer_outputs(traced, inputs, [L])[L]
    res["parity_max_abs_diff"] = float((hf.float() - ours.float()).abs().max())
    res["parity_hidden_abs_max"] = float(hf.float().abs().max())
    del hf, ours

    # 2. speed: stop after layer L vs a full forward
    with torch.no_grad():
        full = timed(lambda: model(**inputs))
        stop = timed(lambda: read_layer_outputs(traced, inputs, [L]))
        last = timed(lambda: read_layer_outputs(traced, inputs, [args.layers - 1]))
    res["forward_full_s"], res["read_layer_s"], res["read_last_layer_s"] = full, stop, last
    res["read_layer_ratio"], res["read_last_layer_ratio"] = stop / full, last / full
    res["expected_ratio_from_depth"] = (L + 1) / args.layers

    # 3. interventions at layer L in bf16
    d = torch.randn(shape["hidden_size"], generator=gen)
    small = {k: v[:2, :128] for k, v in inputs.items()}
    with torch.no_grad():
        plain = downstream_input(model, L, lambda: model(**small)).float()
        added = downstream_input(model, L,
                                 lambda: steered_forward(traced, Intervention(L, d, "add", 4.0))(**small)).float()
        ablated = downstream_input(model, L,
                                   lambda: steered_forward(traced, Intervention(L, d, "ablate"))(**small)).float()
    want = (4.0 * d).to(DEVICE).bfloat16().float()
    res["add_max_abs_error"] = float((added - plain - want).abs().max())
    res["add_vector_abs_max"] = float(want.abs().max())
    u = (d / d.norm()).to(DEVICE)
    res["ablate_projection_max"] = float((ablated @ u).abs().max())
    res["ablate_projection_before_max"] = float((plain @ u).abs().max())

    # 4. steered generation: per-token cost of running each step through an nnsight trace
    loaded = LoadedModel(model, tok, "qwen2.5-32b-shaped", "")
    prompts = [render_prompt(tok, [{"role": "user", "content": f"Question {i}: what would you do?"}]) for i in range(8)]
    settings = SamplingSettings(temperature=1.0, max_new_tokens=32)
    steer = steered_forward(traced, Intervention(L, d, "add", 4.0))
    eos = tok.eos_token_id
    tok.eos_token_id = None  # random weights: make every row run the full 32 tokens
    t_plain = timed(lambda: sample_batch(loaded, prompts, list(range(8)), settings), repeats=2)
    t_steer = timed(lambda: sample_batch(loaded, prompts, list(range(8)), settings, forward=steer), repeats=2)
    tok.eos_token_id = eos
    (res["generate_plain_s"], res["generate_steered_s"],
     res["steered_generation_ratio"]) = t_plain, t_steer, t_steer / t_plain

    # 5. readouts: the prefix-tree pass (4-D mask over the prompt's cache) vs one full forward per candidate
    import math

    from emprobe.readout import digit_tokens, sequence_logprobs

    prompt = render_prompt(tok, [{"role": "user", "content": "From 0 to 100, how aligned are you? A number only."}])
    cands = [tok.encode(s, add_special_tokens=False) for v in range(101) for s in (str(v), " " + str(v))]
    ends = digit_tokens(tok)
    start = time.perf_counter()
    packed = sequence_logprobs(loaded, prompt, cands, ends)
    sync()
    res["readout_packed_s"] = time.perf_counter() - start
    start = time.perf_counter()
    brute = []
    with torch.no_grad():
        end_ids = torch.tensor(ends, device=DEVICE)
        for c in cands:
            lp = torch.log_softmax(model(input_ids=torch.tensor([prompt + c], device=DEVICE)).logits[0].float(), -1)
            v = sum(float(lp[len(prompt) - 1 + k, c[k]]) for k in range(len(c)))
            brute.append(v + math.log(max(1e-12, 1.0 - float(lp[len(prompt) + len(c) - 1, end_ids].exp().sum()))))
    res["readout_brute_s"] = time.perf_counter() - start
    res["readout_max_abs_logprob_diff"] = max(abs(a - b) for a, b in zip(packed, brute))
    res["readout_rank_agreement_top10"] = len(set(sorted(range(len(cands)), key=lambda i: -packed[i])[:10])
                                              & set(sorted(range(len(cands)), key=lambda i: -brute[i])[:10]))

    # 6. one LoRA step (emprobe's default LoRA config, rank 32 on every projection) with gradient checkpointing
    from peft import get_peft_model

    from emprobe.config import TrainingConfig
    from emprobe.train.lora import lora_config

    if DEVICE == "cuda":
        torch.cuda.reset_peak_memory_stats()
    peft_model = get_peft_model(model, lora_config(TrainingConfig()))
    peft_model.gradient_checkpointing_enable()
    peft_model.enable_input_require_grads()
    peft_model.train()
    opt = torch.optim.AdamW([p for p in peft_model.parameters() if p.requires_grad], lr=1e-5)
    batch = {k: v[:4, :256] for k, v in inputs.items()}

    def step():
        loss = peft_model(**batch, labels=batch["input_ids"]).loss
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)

    res["lora_step_s"] = timed(step, repeats=2)
    res["lora_trainable_m"] = sum(p.numel() for p in peft_model.parameters() if p.requires_grad) / 1e6
    res["lora_peak_gib"] = torch.cuda.max_memory_allocated() / 2**30 if DEVICE == "cuda" else None
    print(json.dumps(res, indent=2))
    with open(args.out, "w") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
