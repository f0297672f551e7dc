// arrears for Node 20+ through import: the same instance as require("arrears").
export * from "./node.cjs";
