/* global URL */
// Node module hook for booting a built main bundle under plain Node: `electron` resolves to the fake.
const fake = new URL('./fake-electron-module.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true };
  return nextResolve(specifier, context);
}
