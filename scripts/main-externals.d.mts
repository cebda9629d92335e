/** The packages the Node-side bundles load from node_modules at run time (see main-externals.mjs). */
export declare const MAIN_EXTERNALS: readonly string[];
