import { describe, expect, it } from 'vitest';
import type { LayerSensitivity } from '../../quantize/sensitivity';
import { seededRandom } from '../../util/prng';
import { barChartHeight, changedChart, sensitivityBars, sensitivityRows, shortLayerName, sqnrChart } from './sensitivity-chart';

const layer = (name: string, op: string, agreement: number, klDivergence: number, sqnrDb: number): LayerSensitivity => ({ layer: name, op, weight: `${name}.weight`, agreement, klDivergence, sqnrDb });

// As layerSensitivity returns them for doodle-cnn: most sensitive first.
const MEASURED = [
  layer('/features/features.0/Conv', 'Conv', 0.9375, 0.0123, 22.14),
  layer('/classifier/classifier.5/Gemm', 'Gemm', 1, 0.00004, 38.5),
  layer('/features/features.3/Conv', 'Conv', 1, 0, Infinity),
];

describe('sensitivity chart data', () => {
  it('names layers by their module path without the exporter’s repeated prefix and operator', () => {
    expect(shortLayerName('/features/features.0/Conv', 'Conv')).toBe('features.0');
    expect(shortLayerName('/blocks/blocks.1/attn/q/MatMul', 'MatMul')).toBe('blocks.1/attn/q');
    expect(shortLayerName('/head/Gemm', 'Gemm')).toBe('head');
    expect(shortLayerName('/blocks/blocks.1/attn/MatMul_1', 'MatMul')).toBe('blocks.1/attn/MatMul_1');
    expect(shortLayerName('fc1', 'Gemm')).toBe('fc1');
    expect(shortLayerName('Gemm', 'Gemm')).toBe('Gemm');
  });

  it('keeps the measured order (most sensitive first), plots the share of changed answers in percent and leaves no bar for an unchanged output', () => {
    expect(sensitivityBars(MEASURED)).toEqual({
      labels: ['features.0', 'classifier.5', 'features.3'],
      changedPercent: [6.25, 0, 0],
      sqnrDb: [22.1, 38.5, null],
    });
  });

  it('labels two layers that would share a short name by their full names', () => {
    const bars = sensitivityBars([layer('/a/Gemm', 'Gemm', 1, 0, 30), layer('a', 'Gemm', 1, 0, 30), layer('/b/Gemm', 'Gemm', 1, 0, 30)]);
    expect(bars.labels).toEqual(['/a/Gemm', 'a', 'b']);
  });

  it('gives every generated layer list one distinct label, one bar per chart and a value in range, in the given order', () => {
    const random = seededRandom(16);
    const ops = ['Conv', 'Gemm', 'MatMul'];
    for (let trial = 0; trial < 200; trial++) {
      const count = 1 + Math.floor(random() * 12);
      const layers = Array.from({ length: count }, (_, i) => {
        const op = ops[Math.floor(random() * 3)]!;
        const depth = Math.floor(random() * 3);
        const name = random() < 0.3 ? `node_${i}` : `/${['m', 'm.x', `m.${i % 3}`].slice(0, depth + 1).join('/')}/${op}${random() < 0.5 ? '' : `_${i}`}`;
        return layer(name, op, Math.floor(random() * 17) / 16, random(), random() < 0.1 ? Infinity : random() * 60);
      });
      const bars = sensitivityBars(layers);
      const names = layers.map((l) => l.layer);
      if (new Set(names).size === names.length) expect(new Set(bars.labels).size, bars.labels.join(', ')).toBe(count);
      expect(bars.changedPercent.length).toBe(count);
      bars.changedPercent.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(p).toBeCloseTo((1 - layers[i]!.agreement) * 100, 3);
      });
      bars.sqnrDb.forEach((db, i) => expect(db === null).toBe(!Number.isFinite(layers[i]!.sqnrDb)));
      expect(changedChart(bars).data.labels).toEqual(bars.labels);
      expect(sqnrChart(bars).data.datasets[0]!.data).toEqual(bars.sqnrDb);
      if (count > 1) expect(barChartHeight(count)).toBeGreaterThanOrEqual(barChartHeight(count - 1) + 20);
    }
  });

  it('draws horizontal bars with the layer names on the side', () => {
    const config = changedChart(sensitivityBars(MEASURED));
    expect(config.type).toBe('bar');
    expect((config.options as { indexAxis: string }).indexAxis).toBe('y');
    expect(config.data.labels).toEqual(['features.0', 'classifier.5', 'features.3']);
  });

  it('writes the table with the full layer name, the operator and exact numbers', () => {
    expect(sensitivityRows(MEASURED)).toEqual([
      { layer: '/features/features.0/Conv', op: 'Conv', agreement: '0.938', kl: '0.0123', sqnr: '22.1 dB' },
      { layer: '/classifier/classifier.5/Gemm', op: 'Gemm', agreement: '1.000', kl: '4.0e-5', sqnr: '38.5 dB' },
      { layer: '/features/features.3/Conv', op: 'Conv', agreement: '1.000', kl: '0', sqnr: 'unchanged' },
    ]);
  });
});
