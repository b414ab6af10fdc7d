// The data dictionary for the page "Từ điển dữ liệu", read off the contract at build time so the
// page needs no schema library in the browser.
import {codeListTables, dataDictionary, dictionaryMarkdown} from "../lib/contract/dictionary.js";

export default async function dictionary() {
  return {kinds: dataDictionary(), codeLists: codeListTables(), markdown: dictionaryMarkdown()};
}
