import axe from 'axe-core';

/**
 * axe-core's serious and critical violations under `root`, as readable lines (empty = fine). Colour
 * contrast is left to the browser E2E tests: jsdom does not compute styles.
 */
export async function seriousA11yViolations(root: Element = document.body): Promise<string[]> {
  // Note: jsdom has no canvas (axe probes icon fonts with one) and logs "Not implemented" for each try.
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext;
  let results: axe.AxeResults;
  try {
    results = await axe.run(root, {
      resultTypes: ['violations'],
      rules: { 'color-contrast': { enabled: false } },
    });
  } finally {
    HTMLCanvasElement.prototype.getContext = getContext;
  }
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
