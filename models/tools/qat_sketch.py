"""Quantization-aware fine-tuning (QAT) of a trained sketch classifier: `npm run train:sketch -- --qat int8|int4`.

Starts from a trained model (--from: a train_sketch.py checkpoint, or an exported ONNX file whose initializers are
named like the module's state, as the CNN's are), folds BatchNorm into the convolutions first (the exported graph
has none, so the quantizer only ever sees folded weights), then fine-tunes at a low learning rate while the forward
pass rounds weights and activations as the project's quantizer (src/quantize) rounds the exported model:

- int8 weights: symmetric, zero point 0, one scale per output channel, scale = float32(max|w| / 127), codes
  clamp(round_half_even(w / scale), -127, 127) (math.ts quantizeSymmetricPerChannel; context.ts dequantizedWeight).
- int8 static activations (QDQ, --int8-mode static, the default): uint8, one scale and zero point per tensor from the float model's min/max over the
  calibration drawings (the first 16 training rows of each class, as eval:quantize and quantize:sketch calibrate),
  widened to include 0: scale = float32((hi - lo) / 255), zero point clamp(round_half_even(-lo / scale), 0, 255)
  (math.ts asymmetricUint8Params). Quantized tensors: inputs and outputs of every Conv, Gemm and MatMul (attention's
  activation x activation products too) except the graph output (calibration.ts calibrationTensors). The ranges are
  recalibrated on the float model every --qat-calibrate-every steps, as the quantizer will calibrate the export.
- int8 dynamic activations (--int8-mode dynamic): the inputs of the Conv/Gemm/MatMul nodes that read a stored weight, uint8 from the
  tensor's own min/max (ONNX DynamicQuantizeLinear; dynamic.ts); everything else float.
- int4 weight-only, block 32, symmetric: per output channel, blocks of 32 along the reduction axis (a Linear's input
  features; a Conv's input channels, separately for every kernel position), scale = float32(max|block| / 7), codes
  clamp(round_half_even(w / scale), -8, 7) (int4-blocks.ts, int4-weights.ts). Activations stay float32.

Gradients pass straight through the rounding (straight-through estimator, Bengio et al. 2013, "Estimating or
propagating gradients through stochastic neurons"), and are zero where a value was clamped, as in
torch.fake_quantize_*. Those torch functions are not used because they multiply by 1/scale where ONNX QuantizeLinear
divides by the scale, which rounds values next to a rounding tie differently.

The fine-tuned float weights are exported exactly like a normal training run (same graph, names and opset) to
--out (default .tmp/doodle-<arch>-qat-<format>/), so the quantizer then quantizes them the same way as the
post-training (PTQ) model: `npm run eval:quantize -- --model .tmp/doodle-cnn-qat-int8 ...`.
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import train_sketch as ts

INT4_BLOCK = 32
# Default fine-tuning learning rates: 1/20 of each architecture's training peak.
QAT_LR = {'cnn': 2e-4, 'vit': 1e-4}
CALIBRATION_ROWS = 16


def fake_quant(x, scale, zero_point, qmin, qmax):
    """(clamp(round_half_even(x / scale) + zero_point, qmin, qmax) - zero_point) * scale, ONNX QuantizeLinear then
    DequantizeLinear; `scale`/`zero_point` broadcast against x. Gradient 1 where the code was not clamped, else 0."""
    code = torch.round(x / scale) + zero_point
    inside = (code >= qmin) & (code <= qmax)
    y = (code.clamp(qmin, qmax) - zero_point) * scale
    return torch.where(inside, x + (y - x).detach(), y.detach())


def float32_scale(value, fallback):
    """A float64 quotient rounded to the float32 the model stores (math.ts storedScale); `fallback` where 0."""
    return torch.where(value > 0, value.float().double(), torch.full_like(value, fallback))


def int8_weight(w):
    """Symmetric int8, one scale per output channel (axis 0 of a Conv or Linear weight)."""
    w64 = w.double()
    max_abs = w64.detach().abs().reshape(w.shape[0], -1).amax(1).view(-1, *([1] * (w.dim() - 1)))
    return fake_quant(w64, float32_scale(max_abs / 127, 1.0), 0, -127, 127).float()


def int4_weight(w, block=INT4_BLOCK):
    """Symmetric int4 in blocks of `block` along axis 1 (input features / input channels), per output channel and
    kernel position; the last block of a row may be short (padding with zeros leaves its max|w| unchanged)."""
    rows = w.double().movedim(1, -1)  # [..., K]
    k = rows.shape[-1]
    padded = F.pad(rows, (0, (-k) % block))
    blocks = padded.reshape(*padded.shape[:-1], -1, block)
    max_abs = blocks.detach().abs().amax(-1, keepdim=True)
    q = fake_quant(blocks, float32_scale(max_abs / 7, 1.0), 0, -8, 7)
    return q.reshape(padded.shape)[..., :k].movedim(-1, 1).float()


def uint8_params(lo, hi):
    """math.ts asymmetricUint8Params for an observed range (float64 in, float32 scale)."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi == lo:
        return 1.0, 0
    scale = float(np.float32((hi - lo) / 255))
    return scale, int(min(max(np.round(-lo / scale), 0), 255))  # np.round: half to even


class Simulator:
    """What the quantizer will do to the exported model, applied in the forward pass. `act` names a tensor; in
    calibration (`observing`) it only records the tensor's range."""

    def __init__(self, fmt, int8_mode):
        self.fmt, self.int8_mode = fmt, int8_mode
        self.enabled = True
        self.ranges = {}
        self.observing = None

    def weight(self, w):
        if not self.enabled or self.observing is not None:
            return w
        return int8_weight(w) if self.fmt == 'int8' else int4_weight(w)

    def act(self, name, x, reads_weight=False):
        if self.observing is not None:
            lo, hi = self.observing.get(name, (math.inf, -math.inf))
            self.observing[name] = (min(lo, x.min().item()), max(hi, x.max().item()))
            return x
        if not self.enabled or self.fmt != 'int8':
            return x
        if self.int8_mode == 'static':
            scale, zero_point = uint8_params(*self.ranges[name])
        elif reads_weight:
            scale, zero_point = uint8_params(x.min().item(), x.max().item())
        else:
            return x
        return fake_quant(x, scale, zero_point, 0, 255)

    def calibrate(self, forward, x):
        """Min/max of every named tensor of the float model over the calibration inputs `x`."""
        self.observing = {}
        with torch.no_grad():
            forward(x)
        self.ranges, self.observing = self.observing, None


def conv(sim, name, layer, x):
    x = sim.act(name + '.input', x, reads_weight=True)
    return sim.act(name + '.output', F.conv2d(x, sim.weight(layer.weight), layer.bias, layer.stride, layer.padding))


def linear(sim, name, layer, x, graph_output=False):
    """A 2-D input exports as Gemm (bias inside the quantized output), a 3-D one as MatMul + Add (the MatMul's
    output, before the bias, is the quantized tensor)."""
    x = sim.act(name + '.input', x, reads_weight=True)
    w = sim.weight(layer.weight)
    if x.dim() == 2:
        y = F.linear(x, w, layer.bias)
        return y if graph_output else sim.act(name + '.output', y)
    return sim.act(name + '.output', torch.matmul(x, w.t())) + layer.bias


def run_features(sim, model, x):
    for i, layer in enumerate(model.features):
        x = conv(sim, f'features.{i}', layer, x) if isinstance(layer, nn.Conv2d) else layer(x)
    return x


def cnn_forward(sim, model, x):
    x = run_features(sim, model, x)
    layers = list(model.classifier)
    last = max(i for i, layer in enumerate(layers) if isinstance(layer, nn.Linear))
    for i, layer in enumerate(layers):
        x = linear(sim, f'classifier.{i}', layer, x, graph_output=i == last) if isinstance(layer, nn.Linear) else layer(x)
    return x


def vit_forward(sim, model, x):
    """DoodleViT.forward with the quantizer's rounding (checked equal to it with the simulator off, in `run`)."""
    x = run_features(sim, model, x).reshape(-1, model.dim, model.tokens).transpose(1, 2) + model.pos_embed
    for b, block in enumerate(model.blocks):
        at, a = f'blocks.{b}.attn', block.attn

        def heads(t):
            return t.reshape(-1, a.tokens, a.heads, a.head_dim).transpose(1, 2)
        h = block.norm1(x)
        q, k, v = (heads(linear(sim, f'{at}.{p}', getattr(a, p), h)) for p in ('q', 'k', 'v'))
        # Activation x activation products: quantized by static int8 only (no stored weight for dynamic mode).
        scores = sim.act(f'{at}.scores', torch.matmul(sim.act(f'{at}.q_heads', q), sim.act(f'{at}.k_heads_t', k.transpose(-2, -1))))
        weights = torch.softmax(scores * a.head_dim ** -0.5, dim=-1)
        out = sim.act(f'{at}.context', torch.matmul(sim.act(f'{at}.weights', weights), sim.act(f'{at}.v_heads', v)))
        x = x + linear(sim, f'{at}.proj', a.proj, out.transpose(1, 2).reshape(-1, a.tokens, a.heads * a.head_dim))
        mlp = block.mlp
        x = x + linear(sim, f'blocks.{b}.mlp.2', mlp[2], mlp[1](linear(sim, f'blocks.{b}.mlp.0', mlp[0], block.norm2(x))))
    return linear(sim, 'head', model.head, model.norm(x).mean(1), graph_output=True)


class Simulated(nn.Module):
    """The folded model run through `forward(sim, model, x)`, so train_sketch.evaluate can score it."""

    def __init__(self, model, sim, forward):
        super().__init__()
        self.model, self.sim, self.forward_fn = model, sim, forward

    def forward(self, x):
        return self.forward_fn(self.sim, self.model, x)


def load_start(args, num_classes, spec):
    """The trained model with BatchNorm folded, from a train_sketch checkpoint (.pt) or an exported ONNX file."""
    model = ts.DoodleViT(num_classes, spec['size']) if args.arch == 'vit' else ts.DoodleCNN(num_classes)
    if args.from_path.endswith('.onnx'):
        import onnx
        from onnx import numpy_helper
        model.eval()
        ts.fold_batchnorm(model)
        graph = onnx.load(args.from_path).graph
        stored = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
        state = model.state_dict()
        missing = [k for k in state if k not in stored]
        if missing:
            sys.exit(f'{args.from_path} has no initializers named {", ".join(missing[:4])}…: give --from the training '
                     f'checkpoint instead (.tmp/<model>-checkpoint.pt).')
        bad = [k for k in state if tuple(stored[k].shape) != tuple(state[k].shape)]
        if bad:
            sys.exit(f'{args.from_path} does not fit --arch {args.arch}: {bad[0]} is {list(stored[bad[0]].shape)}, '
                     f'expected {list(state[bad[0]].shape)}')
        model.load_state_dict({k: stored[k] for k in state})
        return model
    state = torch.load(args.from_path)
    if state.get('arch') != args.arch:
        sys.exit(f'{args.from_path} is a checkpoint of --arch {state.get("arch")}, not {args.arch}')
    model.load_state_dict(state['model'])
    model.eval()
    return ts.fold_batchnorm(model)


def run(args):
    arch = ts.ARCHS[args.arch]
    with open(ts.SPEC_PATH) as f:
        spec = json.load(f)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(os.path.join(args.out, 'onnx'), exist_ok=True)
    fh = open(os.path.join(args.out, 'training-log.txt'), 'w')
    started = time.time()
    int8_mode = args.int8_mode
    lr = args.qat_lr or QAT_LR[args.arch]
    method = f'int8 {int8_mode}' if args.qat == 'int8' else f'int4 block {INT4_BLOCK} symmetric'

    labels, arrays = ts.load_classes(args.data, args.limit, spec['size'] ** 2)
    x_tr, y_tr, x_va, y_va, first_val_row = ts.split(arrays, args.val_fraction)
    raw_tr = torch.from_numpy(x_tr.astype(np.float32) / 255.0).view(-1, 1, spec['size'], spec['size'])
    y_tr_t = torch.from_numpy(y_tr).long()
    x_va_t, y_va_t = ts.to_tensor(x_va, spec), torch.from_numpy(y_va).long()
    x_cal = ts.to_tensor(np.concatenate([a[:CALIBRATION_ROWS] for a in arrays]), spec)

    model = load_start(args, len(labels), spec)
    sim = Simulator(args.qat, int8_mode)
    net = Simulated(model, sim, vit_forward if args.arch == 'vit' else cnn_forward)
    ts.log(f'QAT {method} of {os.path.relpath(args.from_path, ts.REPO)} ({args.arch}): {args.qat_epochs:g} epochs, lr {lr:g} '
        f'(one-cycle, 5% warm-up), batch {args.batch}, weight decay {args.weight_decay:g}; {len(x_tr)} train / '
        f'{len(x_va)} held-out drawings (rows >= {min(first_val_row)}), calibration {len(x_cal)} drawings, '
        f'{args.threads} threads', fh)

    # The simulation's forward must be the model's own when nothing is quantized.
    sim.enabled = False
    model.eval()
    with torch.no_grad():
        difference = (net(x_va_t[:256]) - model(x_va_t[:256])).abs().max().item()
    if difference > 1e-4:
        sys.exit(f'the QAT forward differs from {type(model).__name__}.forward by {difference:.2e}: update qat_sketch.py')

    def predict():
        net.eval()
        with torch.no_grad():
            return torch.cat([net(x_va_t[i:i + 1000]).argmax(1) for i in range(0, len(x_va_t), 1000)])

    def measure(label):
        """Held-out top-1 of the float model and of its simulated quantized version, and how often they agree
        (comparable with eval:quantize's top-1 and agreement once the quantizer has quantized the export)."""
        sim.enabled = False
        fp32 = predict()
        sim.enabled = True
        if int8_mode == 'static' and args.qat == 'int8':
            net.eval()
            sim.calibrate(net, x_cal)
        simulated = predict()
        result = {'fp32': (fp32 == y_va_t).float().mean().item(), 'simulated': (simulated == y_va_t).float().mean().item(),
                  'agreement': (simulated == fp32).float().mean().item()}
        ts.log(f'{label}: held-out top-1 fp32 {result["fp32"]:.4f}, simulated {method} {result["simulated"]:.4f} '
               f'(agreement {result["agreement"]:.4f})', fh)
        return {k: round(v, 4) for k, v in result.items()}

    before = measure('start')
    params = model.param_groups(args.weight_decay) if args.arch == 'vit' else model.parameters()
    steps_per_epoch = math.ceil(len(x_tr) / args.batch)
    # Fractional epochs (e.g. 0.25) fine-tune on that share of one shuffled pass.
    total_steps = max(1, round(args.qat_epochs * steps_per_epoch))
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=args.weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=total_steps, pct_start=0.05)
    gen = torch.Generator().manual_seed(args.seed)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    epochs = []
    step = 0
    while step < total_steps:
        t0 = time.time()
        order = torch.randperm(len(x_tr), generator=gen)
        steps = min(steps_per_epoch, total_steps - step)
        total_loss = 0.0
        for s in range(steps):
            if int8_mode == 'static' and args.qat == 'int8' and s % args.qat_calibrate_every == 0:
                net.eval()
                sim.calibrate(net, x_cal)
            net.train()
            idx = order[s * args.batch:(s + 1) * args.batch]
            loss = criterion(net(ts.normalise(ts.augment(raw_tr[idx], gen), spec)), y_tr_t[idx])
            opt.zero_grad()
            loss.backward()
            if args.arch == 'vit':
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total_loss += loss.item() * len(idx)
        step += steps
        seconds = time.time() - t0
        drawings = min(len(x_tr), steps * args.batch)
        result = measure(f'{step}/{total_steps} steps ({step / steps_per_epoch:.2f} epochs) loss {total_loss / drawings:.4f} '
                         f'({seconds:.0f} s, {seconds / steps:.2f} s per step)')
        epochs.append({**result, 'steps': steps, 'seconds': round(seconds)})

    model.eval()
    onnx_path = ts.export_onnx(model, args.out, spec, arch['opset'])
    ts.write_config(args.out, args.arch, arch, labels, spec)
    elapsed = time.time() - started
    summary = {
        'command': f'npm run train:sketch -- --arch {args.arch} --qat {args.qat} --qat-epochs {args.qat_epochs:g} '
                   f'--from {os.path.relpath(args.from_path, ts.REPO)}'
                   + (f' --int8-mode {int8_mode}' if args.qat == 'int8' else '') + f' --threads {args.threads}',
        'from': os.path.relpath(args.from_path, ts.REPO), 'method': method, 'epochs': args.qat_epochs,
        'steps': total_steps, 'stepsPerEpoch': steps_per_epoch, 'lr': lr,
        'batch': args.batch, 'weightDecay': args.weight_decay, 'seed': args.seed, 'threads': args.threads,
        'calibrationDrawings': int(len(x_cal)), 'validationFromRow': int(min(first_val_row)),
        'start': before, 'byPass': epochs, 'seconds': round(elapsed), 'torch': torch.__version__,
    }
    with open(os.path.join(args.out, 'qat-summary.json'), 'w') as f:
        json.dump(summary, f, indent=2)
        f.write('\n')
    ts.log(f'wrote {os.path.relpath(onnx_path, ts.REPO)} ({os.path.getsize(onnx_path)} bytes, fp32 with the fine-tuned '
        f'weights) in {elapsed:.0f} s', fh)
