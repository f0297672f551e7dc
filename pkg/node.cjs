// arrears for Node through require(): the ES module browser.js, loaded with require(esm) (Node
// 20.19+ and 22.12+), so import and require share one instance. It instantiates the wasm on load.
"use strict";
module.exports = require("./browser.js");
