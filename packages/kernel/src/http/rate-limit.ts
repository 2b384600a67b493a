// Placeholder: filled in by the trust issue (#16). Keeps the barrel compiling meanwhile.
export {};
