#!/usr/bin/python3
"""Train a bundled sketch classifier (models/doodle-cnn, or with --arch vit models/doodle-vit) and export it to ONNX fp32.

Reproducible: fixed seeds, fixed epochs, single-threaded data order; a checkpoint after every epoch lets --resume
continue an interrupted run with the same result. Reads the model input definition from
src/sketch/input-spec.json so training and the TypeScript rasteriser normalise drawings identically.
Holds out the last --val-fraction rows of every class (never trained on) and reports accuracy on them.

Usage: npm run train:sketch [-- --arch vit]   (= /usr/bin/python3 models/tools/train_sketch.py)
Quantization-aware fine-tuning of a trained model (qat_sketch.py):
       npm run train:sketch -- --arch cnn|vit --qat int8|int4 [--qat-epochs N] [--from <checkpoint.pt|model.onnx>]
"""
import argparse
import json
import math
import os
import sys
import time

# Passive OpenMP waiting: on a 2-core machine shared with other jobs, spinning threads made epochs several times slower.
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SPEC_PATH = os.path.join(REPO, 'src', 'sketch', 'input-spec.json')
# Per-architecture defaults; the CNN's are those its shipped files were trained with (npm run train:sketch).
ARCHS = {
    'cnn': {'out': 'doodle-cnn', 'architecture': 'DoodleCNN', 'epochs': 16, 'batch': 128, 'lr': 4e-3,
            'weight_decay': 1e-2, 'warmup': 0.2, 'opset': 13, 'command': 'npm run train:sketch'},
    # Opset 17 exports LayerNorm as one LayerNormalization node (SmoothQuant folds its factors there).
    'vit': {'out': 'doodle-vit', 'architecture': 'DoodleViT', 'epochs': 12, 'batch': 128, 'lr': 2e-3,
            'weight_decay': 5e-2, 'warmup': 0.1, 'opset': 17, 'command': 'npm run train:sketch -- --arch vit'},
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--data', default=os.path.join(REPO, '..', 'shared', 'data', 'quickdraw', 'train'),
                   help='folder of <class>.npy files, uint8 [N,size*size], ink high')
    p.add_argument('--arch', choices=sorted(ARCHS), default='cnn', help='cnn (models/doodle-cnn) or vit (models/doodle-vit)')
    p.add_argument('--out', help='output folder (default models/doodle-<arch>)')
    p.add_argument('--epochs', type=int, help='default: cnn 16, vit 12')
    p.add_argument('--batch', type=int, help='default 128')
    p.add_argument('--lr', type=float, help='peak learning rate; default: cnn 4e-3, vit 2e-3')
    p.add_argument('--weight-decay', type=float, help='AdamW weight decay; default: cnn 1e-2, vit 5e-2')
    p.add_argument('--val-fraction', type=float, default=0.1)
    p.add_argument('--seed', type=int, default=20261124)
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--limit', type=int, default=0, help='use only the first N rows per class (smoke tests)')
    p.add_argument('--checkpoint', help='state saved after every epoch (default .tmp/<out folder name>-checkpoint.pt)')
    p.add_argument('--resume', action='store_true', help='continue from --checkpoint after its last finished epoch')
    p.add_argument('--qat', choices=['int8', 'int4'],
                   help='instead of training: fine-tune a trained model with fake quantization (qat_sketch.py) and export it')
    p.add_argument('--qat-epochs', type=float, default=1, help='QAT fine-tuning epochs, fractions allowed (default 1)')
    p.add_argument('--qat-lr', type=float, help='QAT peak learning rate; default: cnn 2e-4, vit 1e-4')
    p.add_argument('--qat-calibrate-every', type=int, default=50,
                   help='static int8 QAT: recalibrate activation ranges every N steps (default 50)')
    p.add_argument('--int8-mode', choices=['static', 'dynamic'], default='static',
                   help='--qat int8: the quantizer mode to simulate (default static QDQ)')
    p.add_argument('--from', dest='from_path',
                   help='--qat: the trained model; default: cnn models/doodle-cnn/onnx/model.onnx, vit .tmp/doodle-vit-checkpoint.pt')
    args = p.parse_args()
    defaults = ARCHS[args.arch]
    if args.qat:
        args.out = args.out or os.path.join(REPO, '.tmp', f'{defaults["out"]}-qat-{args.qat}')
        args.from_path = args.from_path or (os.path.join(REPO, 'models', 'doodle-cnn', 'onnx', 'model.onnx') if args.arch == 'cnn'
                                            else os.path.join(REPO, '.tmp', 'doodle-vit-checkpoint.pt'))
        if not os.path.exists(args.from_path):
            p.error(f'--from {args.from_path} does not exist: train the model first (npm run train:sketch) or name its checkpoint')
    args.out = args.out or os.path.join(REPO, 'models', defaults['out'])
    for key in ('epochs', 'batch', 'lr', 'weight_decay'):
        if getattr(args, key) is None:
            setattr(args, key, defaults[key])
    args.checkpoint = args.checkpoint or os.path.join(REPO, '.tmp', os.path.basename(os.path.normpath(args.out)) + '-checkpoint.pt')
    return args


def log(msg, fh):
    line = f'[{time.strftime("%H:%M:%S")}] {msg}'
    print(line, flush=True)
    fh.write(line + '\n')
    fh.flush()


def load_classes(data_dir, limit, pixels):
    files = sorted(f for f in os.listdir(data_dir) if f.endswith('.npy'))
    if not files:
        sys.exit(f'No <class>.npy files in {data_dir}')
    labels, arrays = [], []
    for f in files:
        arr = np.load(os.path.join(data_dir, f))
        if arr.dtype != np.uint8 or arr.ndim != 2 or arr.shape[1] != pixels:
            sys.exit(f'{f}: expected uint8 [N,{pixels}], got {arr.dtype} {list(arr.shape)}')
        labels.append(f[:-4])
        arrays.append(arr[:limit] if limit else arr)
    return labels, arrays


def split(arrays, val_fraction):
    """Last val_fraction rows of each class are validation, so `eval:sketch --from-row` can reproduce it."""
    xs_tr, ys_tr, xs_va, ys_va, first_val_row = [], [], [], [], []
    for label_id, arr in enumerate(arrays):
        n_val = int(round(len(arr) * val_fraction))
        cut = len(arr) - n_val
        first_val_row.append(cut)
        xs_tr.append(arr[:cut]); ys_tr.append(np.full(cut, label_id))
        xs_va.append(arr[cut:]); ys_va.append(np.full(n_val, label_id))
    cat = np.concatenate
    return cat(xs_tr), cat(ys_tr), cat(xs_va), cat(ys_va), first_val_row


def normalise(x01, spec):
    """Ink-high intensities in [0,1] (pixel/255) → model values, as src/sketch/model-input.ts computes them."""
    x = x01 * (255.0 * spec['scale'])
    x = x if spec['inkHigh'] else 1.0 - x
    return (x - spec['mean']) / spec['std']


def to_tensor(x_uint8, spec):
    """uint8 rows [N, size²] → normalised [N, 1, size, size] model input."""
    x01 = torch.from_numpy(x_uint8.astype(np.float32) / 255.0).view(-1, 1, spec['size'], spec['size'])
    return normalise(x01, spec)


class DoodleCNN(nn.Module):
    def __init__(self, num_classes):
        super().__init__()

        def block(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]

        self.features = nn.Sequential(
            *block(1, 32), nn.MaxPool2d(2),          # 14x14
            *block(32, 64), nn.MaxPool2d(2),         # 7x7
            # Extra depth sits at 7x7, where a convolution is cheap (training time goes mostly to 28x28 and 14x14).
            *block(64, 96), *block(96, 128), nn.MaxPool2d(2),  # 3x3
        )
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Dropout(0.3), nn.Linear(128 * 9, 128), nn.ReLU(inplace=True),
            nn.Dropout(0.2), nn.Linear(128, num_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))


class Attention(nn.Module):
    """Multi-head self-attention written with plain matrix products, so the ONNX graph holds only MatMul, Softmax,
    Reshape and Transpose (no fused attention op) for onnxruntime-web and our quantizer. Vaswani et al. 2017, eq. 1."""

    def __init__(self, dim, heads, tokens):
        super().__init__()
        self.heads, self.tokens, self.head_dim = heads, tokens, dim // heads
        # Separate projections (not one fused qkv) export without Slice/Shape nodes.
        self.q, self.k, self.v = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        # Constant shapes with -1 for the batch keep Shape/Gather nodes out of the exported graph.
        def heads(t):
            return t.reshape(-1, self.tokens, self.heads, self.head_dim).transpose(1, 2)
        q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
        weights = torch.softmax(torch.matmul(q, k.transpose(-2, -1)) * self.head_dim ** -0.5, dim=-1)
        out = torch.matmul(weights, v).transpose(1, 2).reshape(-1, self.tokens, self.heads * self.head_dim)
        return self.proj(out)


class Block(nn.Module):
    """Pre-norm transformer encoder block (LayerNorm → attention → residual, LayerNorm → GELU MLP → residual)."""

    def __init__(self, dim, heads, mlp_ratio, tokens):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads, tokens)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, dim * mlp_ratio), nn.GELU(), nn.Linear(dim * mlp_ratio, dim))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class DoodleViT(nn.Module):
    """A small vision transformer (Dosovitskiy et al. 2021) for 28×28 drawings.

    Patch embedding: two stride-2 3×3 convolutions (28 → 14 → 7) and a 1×1 projection, i.e. overlapping patches at a
    stride of 4 px → 49 tokens of `dim`. This convolutional stem in place of one 4×4 linear projection makes small ViTs
    train faster and more stably (Xiao et al. 2021, "Early convolutions help transformers see better"), which matters
    on a 2-core training budget; everything after it is a plain ViT encoder.
    Learned position embeddings, the mean of the tokens (no class token) into a linear head (Beyer et al. 2022,
    "Better plain ViT baselines").
    """

    def __init__(self, num_classes, size=28, dim=64, depth=4, heads=4, mlp_ratio=2):
        super().__init__()
        side = size // 4
        self.dim, self.tokens = dim, side * side
        self.features = nn.Sequential(  # named like the CNN's so fold_batchnorm applies
            nn.Conv2d(1, dim // 2, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(dim // 2), nn.GELU(),
            nn.Conv2d(dim // 2, dim, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(dim), nn.GELU(),
            nn.Conv2d(dim, dim, 1),  # the linear patch projection to the token width
        )
        self.pos_embed = nn.Parameter(torch.randn(1, side * side, dim) * 0.02)
        self.blocks = nn.Sequential(*[Block(dim, heads, mlp_ratio, side * side) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, num_classes)

    def forward(self, x):
        # Python-int shapes (not x.shape) keep Shape/Gather nodes out of the exported graph.
        x = self.features(x).reshape(-1, self.dim, self.tokens).transpose(1, 2) + self.pos_embed  # [batch, 49, dim]
        return self.head(self.norm(self.blocks(x)).mean(1))

    def param_groups(self, weight_decay):
        """Weight decay on matrices and kernels only, not on biases, LayerNorm/BatchNorm scales or position embeddings."""
        decay = [p for n, p in self.named_parameters() if p.ndim >= 2 and n != 'pos_embed']
        rest = [p for n, p in self.named_parameters() if not (p.ndim >= 2 and n != 'pos_embed')]
        return [{'params': decay, 'weight_decay': weight_decay}, {'params': rest, 'weight_decay': 0.0}]


def augment(x, gen):
    """Variation a canvas drawing shows and the dataset underrepresents: placement, size, slant, mirror, stroke width.

    x is ink-high in [0,1] before normalisation.
    """
    n = x.shape[0]
    rnd = lambda *shape: torch.rand(*shape, generator=gen)
    angle = (rnd(n) - 0.5) * 2 * math.radians(12)
    scale = 0.85 + rnd(n) * 0.27
    shear = (rnd(n) - 0.5) * 0.2
    flip = torch.where(rnd(n) < 0.5, -1.0, 1.0)
    tx, ty = (rnd(n) - 0.5) * 0.24, (rnd(n) - 0.5) * 0.24
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([
        torch.stack([cos * flip, -sin + shear, tx], 1),
        torch.stack([sin * flip, cos, ty], 1),
    ], 1)
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode='bilinear', padding_mode='zeros', align_corners=False)
    # Stroke width: blend towards a dilated (thicker) or eroded (thinner) copy by a random amount.
    dilated = F.max_pool2d(x, 3, 1, 1)
    eroded = -F.max_pool2d(-x, 3, 1, 1)
    mode = rnd(n, 1, 1, 1)
    amount = rnd(n, 1, 1, 1)
    x = torch.where(mode < 0.3, x + amount * (dilated - x), x)
    x = torch.where(mode > 0.85, x + amount * 0.7 * (eroded - x), x)
    return x.clamp(0, 1)


def evaluate(model, x, y, batch=1000):
    model.eval()
    correct1 = correct5 = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            logits = model(x[i:i + batch])
            top5 = logits.topk(min(5, logits.shape[1]), 1).indices
            yb = y[i:i + batch]
            correct1 += (top5[:, 0] == yb).sum().item()
            correct5 += (top5 == yb[:, None]).any(1).sum().item()
    return correct1 / len(x), correct5 / len(x)


def fold_batchnorm(model):
    """Conv+BN → one Conv with adjusted weights, so the exported graph has no BatchNormalization."""
    layers = list(model.features)
    folded = []
    i = 0
    while i < len(layers):
        layer = layers[i]
        if isinstance(layer, nn.Conv2d) and i + 1 < len(layers) and isinstance(layers[i + 1], nn.BatchNorm2d):
            bn = layers[i + 1]
            factor = bn.weight / torch.sqrt(bn.running_var + bn.eps)
            conv = nn.Conv2d(layer.in_channels, layer.out_channels, layer.kernel_size, layer.stride, layer.padding, bias=True)
            conv.weight.data = layer.weight.data * factor.view(-1, 1, 1, 1)
            bias = layer.bias.data if layer.bias is not None else torch.zeros_like(bn.running_mean)
            conv.bias.data = (bias - bn.running_mean) * factor + bn.bias.data
            folded.append(conv)
            i += 2
        else:
            folded.append(layer)
            i += 1
    model.features = nn.Sequential(*folded)
    return model


def export_onnx(model, out_dir, spec, opset, compact=True):
    """The eval-mode, BatchNorm-folded model → <out_dir>/onnx/model.onnx (input `input`, output `logits`, dynamic batch),
    its structure compacted by compact_onnx.py (short tensor names, Constants as initializers; outputs unchanged).
    compact=False keeps the exporter's graph as it wrote it (the compaction's test compares the two)."""
    onnx_path = os.path.join(out_dir, 'onnx', 'model.onnx')
    dummy = torch.zeros(1, 1, spec['size'], spec['size'])
    torch.onnx.export(model, dummy, onnx_path, input_names=['input'], output_names=['logits'],
                      dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}}, opset_version=opset,
                      do_constant_folding=True)
    if compact:
        import onnx
        from compact_onnx import compact as compact_graph
        onnx.save(compact_graph(onnx.load(onnx_path)), onnx_path)
    return onnx_path


def write_config(out_dir, arch_key, arch, labels, spec):
    """<out_dir>/config.json: labels and input/output names, as transformers.js and the app read them."""
    config = {
        'model_type': 'doodle-' + arch_key,
        'architectures': [arch['architecture']],
        'num_labels': len(labels),
        'id2label': {str(i): l for i, l in enumerate(labels)},
        'label2id': {l: i for i, l in enumerate(labels)},
        'input': {'name': 'input', 'shape': [None, 1, spec['size'], spec['size']], 'spec': 'src/sketch/input-spec.json'},
        'output': {'name': 'logits'},
    }
    with open(os.path.join(out_dir, 'config.json'), 'w') as f:
        json.dump(config, f, indent=2)
        f.write('\n')


def main():
    args = parse_args()
    if args.qat:
        import qat_sketch  # beside this script, so on sys.path
        return qat_sketch.run(args)
    arch = ARCHS[args.arch]
    with open(SPEC_PATH) as f:
        spec = json.load(f)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(os.path.join(args.out, 'onnx'), exist_ok=True)
    log_path = os.path.join(args.out, 'training-log.txt')
    fh = open(log_path, 'a' if args.resume else 'w')
    started = time.time()

    labels, arrays = load_classes(args.data, args.limit, spec['size'] ** 2)
    x_tr, y_tr, x_va, y_va, first_val_row = split(arrays, args.val_fraction)
    log(f'{len(labels)} classes, {len(x_tr)} train / {len(x_va)} validation drawings '
        f'(validation = rows >= {min(first_val_row)} of each class), seed {args.seed}, {args.threads} threads', fh)
    raw_tr = torch.from_numpy(x_tr.astype(np.float32) / 255.0).view(-1, 1, spec['size'], spec['size'])  # ink-high [0,1] for augment
    y_tr_t = torch.from_numpy(y_tr).long()
    x_va_t = to_tensor(x_va, spec)
    y_va_t = torch.from_numpy(y_va).long()

    if args.arch == 'vit':
        model = DoodleViT(len(labels), spec['size'])
        params_to_optimise = model.param_groups(args.weight_decay)
    else:
        model = DoodleCNN(len(labels))
        params_to_optimise = model.parameters()
    steps_per_epoch = math.ceil(len(x_tr) / args.batch)
    opt = torch.optim.AdamW(params_to_optimise, lr=args.lr, weight_decay=args.weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch,
                                                pct_start=arch['warmup'])
    gen = torch.Generator().manual_seed(args.seed)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    first_epoch, seconds_before = 1, 0.0
    if args.resume:
        state = torch.load(args.checkpoint)
        if state['arch'] != args.arch or state['epochs'] != args.epochs:
            sys.exit(f'{args.checkpoint} is from --arch {state["arch"]} --epochs {state["epochs"]}; '
                     f'resume with the same settings or start afresh without --resume')
        model.load_state_dict(state['model'])
        opt.load_state_dict(state['optimizer'])
        sched.load_state_dict(state['scheduler'])
        gen.set_state(state['generator'])
        first_epoch, seconds_before = state['epoch'] + 1, state['seconds']
        log(f'resumed from {os.path.relpath(args.checkpoint, REPO)} after epoch {state["epoch"]}', fh)

    for epoch in range(first_epoch, args.epochs + 1):
        model.train()
        t0 = time.time()
        order = torch.randperm(len(x_tr), generator=gen)
        total_loss = 0.0
        for s in range(steps_per_epoch):
            idx = order[s * args.batch:(s + 1) * args.batch]
            xb = normalise(augment(raw_tr[idx], gen), spec)
            loss = criterion(model(xb), y_tr_t[idx])
            opt.zero_grad()
            loss.backward()
            if args.arch == 'vit':  # attention logits can spike early in training; clipping keeps AdamW steps bounded
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total_loss += loss.item() * len(idx)
        top1, top5 = evaluate(model, x_va_t, y_va_t)
        log(f'epoch {epoch}/{args.epochs} loss {total_loss / len(x_tr):.4f} val top1 {top1:.4f} top5 {top5:.4f} '
            f'({time.time() - t0:.0f} s)', fh)
        os.makedirs(os.path.dirname(args.checkpoint), exist_ok=True)
        torch.save({'arch': args.arch, 'epochs': args.epochs, 'epoch': epoch, 'model': model.state_dict(),
                    'optimizer': opt.state_dict(), 'scheduler': sched.state_dict(), 'generator': gen.get_state(),
                    'seconds': seconds_before + time.time() - started}, args.checkpoint)

    model.eval()
    fold_batchnorm(model)
    top1, top5 = evaluate(model, x_va_t, y_va_t)
    log(f'after folding BatchNorm: val top1 {top1:.4f} top5 {top5:.4f}', fh)

    onnx_path = export_onnx(model, args.out, spec, arch['opset'])
    elapsed = seconds_before + time.time() - started
    params = sum(p.numel() for p in model.parameters())
    write_config(args.out, args.arch, arch, labels, spec)
    summary = {
        'command': arch['command'], 'seed': args.seed, 'epochs': args.epochs, 'batch': args.batch, 'lr': args.lr,
        'weightDecay': args.weight_decay,
        'threads': args.threads, 'trainRows': int(len(x_tr)), 'validationRows': int(len(x_va)),
        'validationFromRow': int(min(first_val_row)), 'parameters': int(params),
        'torchValidation': {'top1': round(top1, 4), 'top5': round(top5, 4)}, 'seconds': round(elapsed),
        'torch': torch.__version__,
    }
    with open(os.path.join(args.out, 'training-summary.json'), 'w') as f:
        json.dump(summary, f, indent=2)
        f.write('\n')
    log(f'wrote {os.path.relpath(onnx_path, REPO)} ({os.path.getsize(onnx_path)} bytes, {params} parameters) in {elapsed:.0f} s', fh)


if __name__ == '__main__':
    main()
