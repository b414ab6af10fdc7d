// npm run docs: writes the data dictionary (docs/du-lieu.md) from the contract.
import {writeFileSync} from "node:fs";
import {dictionaryMarkdown} from "../src/lib/contract/dictionary.js";

const target = new URL("../docs/du-lieu.md", import.meta.url);
writeFileSync(target, dictionaryMarkdown() + "\n");
console.log("Đã viết docs/du-lieu.md");
