/** gas-local 1.3.1 ships no types: require() loads every .js file of a folder into a vm context. */
declare module 'gas-local' {
  interface GasLocal {
    require<T extends object>(folderPath: string, globalObject: T, options?: { filter?: (file: string) => boolean }): T;
  }
  const gas: GasLocal;
  export default gas;
}
