// Every Apps Script entry point, and nothing else: build.mjs gives each export a top-level
// function in dist/Code.js so menus, triggers and google.script.run can call it.
export {};
