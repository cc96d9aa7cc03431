/** Nodes the caller keeps in float (`QuantizeOptions.nodes.exclude`), named as people see them in Netron. */
import type { onnx } from './proto';
import { QuantizeError } from './errors';

/** A node's name, or its first output where the exporter left it unnamed. */
export function nodeId(node: onnx.INodeProto): string {
  return node.name || node.output?.[0] || '';
}

/**
 * The set of excluded node ids, checked against the graph. Throws QuantizeError 'invalid-options' naming any
 * that no node has (a typo would otherwise silently quantize the layer the caller wanted kept).
 */
export function excludedNodes(graph: onnx.IGraphProto, exclude: readonly string[] = []): ReadonlySet<string> {
  const ids = new Set((graph.node ?? []).map(nodeId));
  const unknown = exclude.filter((name) => !ids.has(name));
  if (unknown.length > 0) {
    throw new QuantizeError(
      'invalid-options',
      `The model has no node named ${unknown.map((name) => `"${name}"`).join(', ')} to keep in float; nodes are named by their name, or by their first output when unnamed.`,
    );
  }
  return new Set(exclude);
}

/** The report's entry for an excluded node. */
export const EXCLUDED_REASON = 'kept in float (excluded)';
