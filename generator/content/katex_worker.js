// Renders formulas with the project's pinned KaTeX for generator/content/formulas.py.
//
// One long-lived process, fed in batches: one JSON request per line on stdin
// ({"formulas": [{"latex": "...", "displayMode": true}, ...]}), one JSON answer per
// line on stdout ({"results": [...]}, in the same order, each {"html": "..."} or
// {"error": "...", "position": n}). argv[2] is the KaTeX package folder, argv[3] the
// options as JSON; nothing is read from or written to any other place, so no shared
// folder can change what renders.
"use strict";

const readline = require("readline");

const katex = require(process.argv[2]);
const options = JSON.parse(process.argv[3]);

function render(formula) {
    try {
        // A fresh macros object per formula: KaTeX writes \gdef into it, and one
        // formula must never change how the next one renders.
        const displayMode = formula.displayMode ?? options.displayMode;
        return {html: katex.renderToString(formula.latex, {...options, displayMode, macros: {}})};
    } catch (error) {
        if (error instanceof katex.ParseError) {
            return {error: error.message, position: error.position ?? null};
        }
        return {error: String(error), position: null};
    }
}

const lines = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
lines.on("line", (line) => {
    const results = JSON.parse(line).formulas.map(render);
    process.stdout.write(JSON.stringify({results}) + "\n");
});
