// A policy drafted in the builder and not yet saved, handed to the replay page (kept in memory, never in the URL).
let current = null;
export const draft = { get: () => current, set: (policy) => { current = policy; } };
