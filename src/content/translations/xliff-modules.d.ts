// The `xliff` package ships no types: https://github.com/locize/xliff (only what we call).
declare module 'xliff/jsToXliff12' {
  export default function jsToXliff12(js: unknown, options?: { indent?: string }): Promise<string>;
}
declare module 'xliff/xliff12ToJs' {
  export default function xliff12ToJs(xml: string): Promise<unknown>;
}
