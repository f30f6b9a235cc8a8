/** Paths under examples/ bundled with the pane (set by webpack's DefinePlugin; absent under jest). */
declare const HUIZONG_EXAMPLES: string[] | undefined;
/** Those files' bytes as base64 by path (set by DefinePlugin, used only by examplesInline.ts; absent under jest). */
declare const HUIZONG_EXAMPLE_DATA: Record<string, string> | undefined;
