import picomatch from 'picomatch';

/**
 * A test for repository-relative POSIX paths against include globs, with the usual globstar rules:
 * `a/**\/*.md` matches `a/x.md` and `a/b/c/x.md`; `*` never crosses a `/`; dot folders are not matched.
 */
export function compileIncludeGlobs(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map((g) => picomatch(g.replace(/^\.\//, ''), { dot: false }));
  return (path) => matchers.some((m) => m(path));
}
