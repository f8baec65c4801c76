// What the browser remembers for the user across reloads (theme, last lab). Kept in localStorage, never on the
// server: preferences of one browser, not of the account.
const prefix = "platform.";

export function get(key) {
    try {
        return localStorage.getItem(prefix + key);
    } catch {
        return null; // storage disabled (private mode, policy): nothing is remembered
    }
}

export function set(key, value) {
    try {
        if (value === null || value === undefined)
            localStorage.removeItem(prefix + key);
        else
            localStorage.setItem(prefix + key, value);
    } catch {
        // Not remembered; the page works the same.
    }
}
