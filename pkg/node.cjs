// arrears for Node through require(): the ES module node.mjs, loaded with require(esm) (Node
// 20.19+ and 22.12+), so import and require share one instance.
"use strict";
module.exports = require("./node.mjs");
