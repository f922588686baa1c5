"""Many standardised L2 logistic regressions at once, in float32 torch on the CPU.

The probes need, per training set, an inner 3-fold CV over a grid of C and a refit at the chosen C: dozens of
small problems over the same rows. Solving them as columns of one matrix turns every L-BFGS step into two
matrix products over the data (logits = X V, gradient = X^T R), shared by all problems, instead of dozens of
separate passes with float64 copies. Each problem is the one scikit-learn's ``StandardScaler`` +
``LogisticRegression(C)`` minimises (intercept unpenalised, features standardised on that problem's training
rows), so the results agree with it to the solver tolerance; the regularisation choice follows
``LogisticRegressionCV`` (unshuffled stratified inner folds, summed AUROC, first best C, refit warm-started at
the mean of the inner fits).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

TOL = 1e-4  # max |gradient| of the mean loss + penalty, as scikit-learn's lbfgs
MAX_ITER = 500
MEMORY = 10  # L-BFGS history
CHUNK = 2048  # rows per chunk wherever a float64 temporary is needed
SMALL = 1 << 22  # matrices with fewer elements are solved on one thread only
BLOCK = 512  # rows per block of the matrix products


@dataclass
class LinearModel:
    """A fitted probe in the units of the raw activations: ``decision(x) = (x - shift) @ weight + bias``."""

    weight: np.ndarray  # float64, (dim,)
    shift: np.ndarray  # float64, (dim,) the training rows' mean
    bias: float
    C: float

    def decision(self, x: np.ndarray) -> np.ndarray:
        return np.concatenate([(np.asarray(x[i:i + CHUNK], dtype=np.float64) - self.shift) @ self.weight + self.bias
                               for i in range(0, len(x), CHUNK)]) if len(x) else np.zeros(0)


def _global_scale(x: np.ndarray):
    """A float32, globally centred and scaled copy of ``x`` (so no float32 sum loses a large mean), and the
    float64 mean and scale used."""
    import torch

    shift = np.asarray(x[:CHUNK], dtype=np.float64).mean(0)  # sums around a near-mean lose nothing
    s1, s2 = np.zeros(x.shape[1]), np.zeros(x.shape[1])
    for i in range(0, len(x), CHUNK):
        chunk = np.asarray(x[i:i + CHUNK], dtype=np.float64) - shift
        s1 += chunk.sum(0)
        s2 += (chunk * chunk).sum(0)
    mean = shift + s1 / len(x)
    var = np.maximum(s2 / len(x) - (s1 / len(x)) ** 2, 0)
    scale = np.where(var > 0, np.sqrt(var), 1.0)
    out = torch.empty(x.shape, dtype=torch.float32)
    for i in range(0, len(x), CHUNK):
        out[i:i + CHUNK] = torch.from_numpy(
            ((np.asarray(x[i:i + CHUNK], dtype=np.float64) - mean) / scale).astype(np.float32))
    return out, mean, scale


def _masked_stats(xs, masks):
    """Per column of the 0/1 row ``masks`` (n, p): mean and standard deviation (1 where zero, as StandardScaler)
    of ``xs`` over those rows, float64, (dim, p) each."""
    import torch

    count = masks.sum(0, dtype=torch.float64)
    s1 = torch.zeros(xs.shape[1], masks.shape[1], dtype=torch.float64)
    s2 = torch.zeros_like(s1)
    for i in range(0, len(xs), CHUNK):
        chunk, m = xs[i:i + CHUNK], masks[i:i + CHUNK]
        s1 += (m.T @ chunk).T.double()
        s2 += (m.T @ (chunk * chunk)).T.double()
    mean = s1 / count
    std = (s2 / count - mean ** 2).clamp_min(0).sqrt()
    return mean, torch.where(std > 1e-7, std, torch.ones_like(std))


def _row_blocks(xs, f, executor):
    """``f(start, stop)`` for blocks of rows, in order, on the executor's threads when there is one. Threads pull
    blocks as they go, so one slowed by other work on a shared machine just does fewer of them."""
    spans = [(i, min(i + BLOCK, len(xs))) for i in range(0, len(xs), BLOCK)]
    return executor.map(lambda s: f(*s), spans) if executor else (f(*s) for s in spans)


def _xv(xs, v, executor=None):
    """``xs @ v``, block by block (for few columns as ``(v.T @ block.T).T``, which MKL does much faster)."""
    import torch

    out = torch.empty(len(xs), v.shape[1])
    vt = v.T.contiguous() if v.shape[1] <= 16 else None

    def block(i, j):
        out[i:j] = xs[i:j] @ v if vt is None else (vt @ xs[i:j].T).T
    for _ in _row_blocks(xs, block, executor):
        pass
    return out


def _xtr(xs, r, executor=None):
    """``xs.T @ r``, as the sum over row blocks of ``(r.T @ block)`` (the plain form is slow for few columns)."""
    rt = r.T.contiguous()
    total = None
    for part in _row_blocks(xs, lambda i, j: rt[:, i:j] @ xs[i:j], executor):  # summed as they come: few held at once
        total = part if total is None else total.add_(part)
    return total.T


class _Batch:
    """Columns j of one problem matrix: f_j(w, b) = mean_{i: M_ij=1} logloss(y_ij, ((x_i - mu_j) / sd_j) . w + b)
    + ||w||^2 / (2 C_j n_j), with theta = [w; b] stored as a (dim + 1, k) matrix."""

    def __init__(self, xs, y, masks, mean, std, cs, executor=None):
        import torch

        self.xs, self.y, self.m, self.executor = xs, y, masks, executor
        self.n = masks.sum(0)
        self.inv_sd = (1 / std).float()
        self.mean_sd = (mean / std).float()
        self.lam = (1 / (torch.as_tensor(cs, dtype=torch.float64) * self.n.double())).float()

    def _sel(self, cols):
        return slice(None) if len(cols) == self.m.shape[1] else cols  # cols are sorted and distinct

    def logits(self, theta, cols):
        cols = self._sel(cols)
        d = self.xs.shape[1]
        v = theta[:d] * self.inv_sd[:, cols]
        return _xv(self.xs, v, self.executor) + (theta[d] - (theta[:d] * self.mean_sd[:, cols]).sum(0))

    def loss(self, theta, z, cols):
        import torch

        cols = self._sel(cols)
        d = self.xs.shape[1]
        m, y = self.m[:, cols], self.y[:, cols]
        data = (m * (torch.nn.functional.softplus(z) - y * z)).sum(0, dtype=torch.float64) / self.n[cols]
        return data + 0.5 * self.lam[cols].double() * (theta[:d].double() ** 2).sum(0)

    def grad(self, theta, z, cols):
        import torch

        cols = self._sel(cols)
        d = self.xs.shape[1]
        r = self.m[:, cols] * (torch.sigmoid(z) - self.y[:, cols]) / self.n[cols]
        rs = r.sum(0)
        gw = (_xtr(self.xs, r, self.executor) * self.inv_sd[:, cols] - self.mean_sd[:, cols] * rs
              + self.lam[cols] * theta[:d])
        return torch.cat([gw, rs[None]])


def _lbfgs(batch: _Batch, theta, tol=TOL, max_iter=MAX_ITER):
    """L-BFGS (backtracking Armijo line search) on every column of ``theta`` at once; converged columns drop out
    of the matrix products. Returns the solution and the iterations each column took."""
    import torch

    k = theta.shape[1]
    every = torch.arange(k)
    z = batch.logits(theta, every)
    f, g = batch.loss(theta, z, every), batch.grad(theta, z, every)
    hist_s, hist_y, hist_rho = [], [], []
    gamma = torch.ones(k)
    active = g.abs().amax(0) > tol
    iters = torch.zeros(k, dtype=torch.long)
    for it in range(max_iter):
        cols = every[active]
        if not len(cols):
            break
        iters[cols] += 1
        # two-loop recursion, per column (a zero rho skips a pair a column did not accept)
        q, alphas = g[:, cols].clone(), []
        for s, y, rho in zip(reversed(hist_s), reversed(hist_y), reversed(hist_rho)):
            a = rho[cols] * (s[:, cols] * q).sum(0)
            q -= a * y[:, cols]
            alphas.append(a)
        p = q * gamma[cols]
        for (s, y, rho), a in zip(zip(hist_s, hist_y, hist_rho), reversed(alphas)):
            p += s[:, cols] * (a - rho[cols] * (y[:, cols] * p).sum(0))
        p = -p
        slope = (p * g[:, cols]).sum(0, dtype=torch.float64)
        bad = slope >= 0  # not a descent direction: fall back to steepest descent
        if bad.any():
            p[:, bad] = -g[:, cols][:, bad]
            slope[bad] = -(g[:, cols][:, bad].double() ** 2).sum(0)
        step = torch.ones(len(cols), dtype=torch.float64)
        if it == 0:
            step = torch.clamp(1 / g[:, cols].double().norm(dim=0), max=1.0)  # as L-BFGS-B
        new_theta, new_f = theta[:, cols].clone(), f[cols].clone()
        new_z = torch.empty(len(batch.xs), len(cols))
        todo = torch.ones(len(cols), dtype=torch.bool)
        for _ in range(30):
            idx = todo.nonzero().flatten()
            trial = theta[:, cols[idx]] + step[idx].float() * p[:, idx]
            zt = batch.logits(trial, cols[idx])
            ft = batch.loss(trial, zt, cols[idx])
            ok = ft <= f[cols[idx]] + 1e-4 * step[idx] * slope[idx]
            good = idx[ok]
            new_theta[:, good], new_f[good], new_z[:, good] = trial[:, ok], ft[ok], zt[:, ok]
            todo[good] = False
            step[idx[~ok]] *= 0.5
            if not todo.any():
                break
        moved = ~todo  # columns whose line search failed (rounding noise at the optimum) stop where they are
        mc = cols[moved]
        g_new = batch.grad(new_theta[:, moved], new_z[:, moved], mc)
        s = torch.zeros_like(theta)
        y = torch.zeros_like(theta)
        s[:, mc] = new_theta[:, moved] - theta[:, mc]
        y[:, mc] = g_new - g[:, mc]
        sy = (s * y).sum(0, dtype=torch.float64)
        yy = (y * y).sum(0, dtype=torch.float64)
        useful = sy > 1e-10 * yy.clamp_min(1e-30).sqrt() * (s.double() ** 2).sum(0).sqrt()
        rho = torch.where(useful, 1 / sy.clamp_min(1e-30), torch.zeros_like(sy)).float()
        gamma = torch.where(useful, (sy / yy.clamp_min(1e-30)).float(), gamma)
        hist_s.append(s), hist_y.append(y), hist_rho.append(rho)
        if len(hist_s) > MEMORY:
            hist_s.pop(0), hist_y.pop(0), hist_rho.pop(0)
        theta[:, mc], f[mc], g[:, mc] = new_theta[:, moved], new_f[moved], g_new
        active[mc] = g_new.abs().amax(0) > tol
        active[cols[todo]] = False
    return theta, iters


def fit_cv_models(x: np.ndarray, problems: list[tuple[np.ndarray, np.ndarray]], cs=(0.001, 0.01, 0.1, 1.0),
                  inner: int = 3, tol: float = TOL, max_iter: int = MAX_ITER, groups: np.ndarray | None = None,
                  fixed_c: list[float] | None = None) -> list[LinearModel]:
    """For each ``(train_indices, y)`` problem (``y`` labels for all rows of ``x``): standardise on the train rows,
    choose C by inner ``inner``-fold CV AUROC there (folds never split a group when ``groups`` is given), refit on
    all train rows. ``fixed_c`` (one C per problem) skips the inner CV. All problems are solved together."""
    import torch

    # Every torch operation runs on one thread; only the products over the whole matrix share out blocks of rows
    # to a pool of torch.get_num_threads() threads. (torch's own threads each take an equal share of every small
    # step of L-BFGS and then wait for the slowest: on a machine shared with other work, several times slower.)
    threads = torch.get_num_threads()
    executor = ThreadPoolExecutor(threads) if threads > 1 and x.size >= SMALL else None
    torch.set_num_threads(1)
    try:
        with torch.no_grad():
            return _fit_cv_models(x, problems, cs, inner, tol, max_iter, executor, groups, fixed_c)
    finally:
        torch.set_num_threads(threads)
        if executor:
            executor.shutdown()


def _inner_splits(train: np.ndarray, y: np.ndarray, groups: np.ndarray | None, inner: int) -> list:
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    if groups is None or len(set(groups[train])) < inner:
        return [(train[a], train[b]) for a, b in StratifiedKFold(inner).split(train, y[train])]
    return [(train[a], train[b]) for a, b in StratifiedGroupKFold(inner).split(train, y[train], groups[train])]


def _fit_cv_models(x, problems, cs, inner, tol, max_iter, executor, groups=None, fixed_c=None):
    import torch
    from sklearn.metrics import roc_auc_score

    xs, gmean, gscale = _global_scale(x)
    n, d, p, nc = len(x), x.shape[1], len(problems), len(cs)
    train_mask = torch.zeros(n, p)
    for j, (train, _) in enumerate(problems):
        train_mask[train, j] = 1
    mean, std = _masked_stats(xs, train_mask)
    labels = torch.as_tensor(np.stack([y for _, y in problems], 1), dtype=torch.float32)
    if fixed_c is not None:
        refit = _Batch(xs, labels, train_mask, mean, std, list(fixed_c), executor)
        theta, _ = _lbfgs(refit, torch.zeros(d + 1, p), tol, max_iter)
        return _to_models(theta, std, mean, gmean, gscale, list(fixed_c), d)
    splits = [_inner_splits(train, y, groups, inner) for train, y in problems]

    # inner CV, all problems, folds and Cs at once: column (j, f, c) is j * inner * nc + f * nc + c
    owner = np.repeat(np.arange(p), inner * nc)
    masks = torch.zeros(n, len(owner))
    for j in range(p):
        for f, (tr, _) in enumerate(splits[j]):
            masks[tr, (j * inner + f) * nc:(j * inner + f + 1) * nc] = 1
    batch = _Batch(xs, labels[:, owner], masks, mean[:, owner], std[:, owner], np.tile(cs, p * inner), executor)
    theta, _ = _lbfgs(batch, torch.zeros(d + 1, len(owner)), tol, max_iter)
    z = batch.logits(theta, torch.arange(len(owner))).numpy()
    del batch, masks
    best, init = [], []
    for j, (_, y) in enumerate(problems):
        cols = (j * inner + np.arange(inner)[:, None]) * nc + np.arange(nc)  # (inner, nc)
        scores = [sum(roc_auc_score(y[val], z[val, cols[f, c]]) if len(set(y[val])) > 1 else 0.5
                      for f, (_, val) in enumerate(splits[j])) for c in range(nc)]
        best.append(int(np.argmax(scores)))  # the first best, as LogisticRegressionCV
        init.append(theta[:, cols[:, best[-1]]].mean(1))

    refit = _Batch(xs, labels, train_mask, mean, std, [cs[b] for b in best], executor)
    theta, _ = _lbfgs(refit, torch.stack(init, 1), tol, max_iter)
    return _to_models(theta, std, mean, gmean, gscale, [cs[b] for b in best], d)


def _to_models(theta, std, mean, gmean, gscale, chosen: list[float], d: int) -> list[LinearModel]:
    """Back to raw units: ((x - gmean) / gscale - mean) / std . w + b."""
    models = []
    for j, c in enumerate(chosen):
        sd = std[:, j].numpy()
        models.append(LinearModel(theta[:d, j].double().numpy() / (sd * gscale), gmean + gscale * mean[:, j].numpy(),
                                  float(theta[d, j]), float(c)))
    return models
