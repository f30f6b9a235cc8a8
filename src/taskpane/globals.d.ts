/** Paths under examples/ bundled with the pane (set by webpack's DefinePlugin; absent under jest). */
declare const HUIZONG_EXAMPLES: string[] | undefined;
