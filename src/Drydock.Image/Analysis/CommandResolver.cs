using Drydock.Image.Model;
using Drydock.Image.Parsing;

namespace Drydock.Image.Analysis;

public enum CommandOutcome
{
    /// <summary>Everything the kernel checks before running the program checks out.</summary>
    Runs,

    /// <summary>Found, but its first bytes were not kept, so format and architecture are unknown.</summary>
    Unknown,

    NoCommand,
    NotFound,
    SymlinkLoop,
    IsDirectory,
    NotExecutable,
    InterpreterMissing,
    WrongArchitecture,
    LoaderMissing,

    /// <summary>Neither ELF nor "#!": execve fails with ENOEXEC, which the runtime reports as "exec format error".</summary>
    NotAnExecutableFormat,
}

/// <summary>How one command line resolves inside the image, and the evidence of each step.</summary>
public sealed record CommandResolution(
    IReadOnlyList<string> Argv,
    CommandOutcome Outcome,
    string Detail,
    string? ResolvedPath,
    IReadOnlyList<string> Steps)
{
    public string Program => Argv.Count > 0 ? Argv[0] : "";

    /// <summary>The path the failure is about (the missing interpreter, the wrong binary), for the finding's location.</summary>
    public string? SubjectPath { get; init; }

    public ElfHeader? Elf { get; init; }

    public bool Fails => Outcome is not (CommandOutcome.Runs or CommandOutcome.Unknown);
}

/// <summary>
/// Resolves a command as runc does before execve: PATH lookup in the config's Env (Go's exec.LookPath: the first
/// PATH entry that names a non-directory with an execute bit, symlinks followed inside the image root), then what
/// the kernel checks: the "#!" interpreter, the ELF machine against the platform, and the PT_INTERP loader.
/// </summary>
public sealed class CommandResolver
{
    /// <summary>The PATH Docker and containerd set when the image does not.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "/bin/sh", "/bin/bash", "/bin/ash", "/bin/dash", "/usr/bin/bash", "/usr/bin/sh", "sh", "bash" };
    private static readonly HashSet<string> ShellBuiltins = new(StringComparer.Ordinal) { "exit", "true", "false", "test", "[", "echo", "cd", "set", "export", ":", ".", "source", "printf", "read", "if", "for", "while", "case", "{", "(", "!" };
    private const string EscapeNote = "a symlink climbs above the image root; the runtime keeps it inside the root";
    private readonly LayeredFileSystem fileSystem;
    private readonly string architecture;
    private readonly string[] path;
    private readonly string workingDirectory;

    public CommandResolver(LayeredFileSystem fileSystem, ImageConfig config)
    {
        this.fileSystem = fileSystem;
        architecture = config.Platform.Architecture;
        path = (config.EnvValue("PATH") ?? DefaultPath).Split(':');
        workingDirectory = config.WorkingDir.Length > 0 ? config.WorkingDir : "/";
    }

    /// <summary>The container's argv: ENTRYPOINT followed by CMD, or CMD alone.</summary>
    public static IReadOnlyList<string> Argv(ImageConfig config) => [.. config.Entrypoint, .. config.Cmd];

    public CommandResolution Resolve(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0 || argv[0].Length == 0)
        {
            return new CommandResolution(argv, CommandOutcome.NoCommand, "the image has neither ENTRYPOINT nor CMD", null, []);
        }

        var result = ResolveProgram(argv, argv[0], [], depth: 0);
        if (result.Fails || argv.Count < 3 || !Shells.Contains(argv[0]) || argv[1] != "-c")
        {
            return result;
        }

        // Shell form: the shell runs, then looks up the script's first command in the same PATH.
        string? first = FirstCommandWord(argv[2]);
        if (first is null)
        {
            return result;
        }

        var inner = ResolveProgram(argv, first, [.. result.Steps, $"the shell runs: {argv[2]}"], depth: 1);
        return inner.Fails ? inner : result;
    }

    private CommandResolution ResolveProgram(IReadOnlyList<string> argv, string program, IReadOnlyList<string> stepsSoFar, int depth)
    {
        var steps = new List<string>(stepsSoFar);
        FsNode? node;
        string resolvedPath;
        if (program.Contains('/', StringComparison.Ordinal))
        {
            var resolution = fileSystem.Resolve(program, followFinal: true, workingDirectory);
            steps.AddRange(resolution.Chain);
            if (resolution.EscapedRoot)
            {
                steps.Add(EscapeNote);
            }

            if (!resolution.Found)
            {
                bool loop = resolution.Failure.StartsWith("too many levels", StringComparison.Ordinal);
                string detail = resolution.Chain.Count > 0 && !loop
                    ? $"{program} is a dangling symlink: {resolution.Failure}"
                    : $"{program}: {resolution.Failure}";
                return new CommandResolution(argv, loop ? CommandOutcome.SymlinkLoop : CommandOutcome.NotFound, detail, null, steps) { SubjectPath = program };
            }

            node = resolution.Node!;
            resolvedPath = node.Path;
        }
        else
        {
            (node, resolvedPath) = LookPath(program, steps, out var outcome, out string detail);
            if (node is null)
            {
                return new CommandResolution(argv, outcome, detail, null, steps) { SubjectPath = resolvedPath };
            }
        }

        if (node.Kind == FsNodeKind.Directory)
        {
            return new CommandResolution(argv, CommandOutcome.IsDirectory, $"{resolvedPath} is a directory", resolvedPath, steps) { SubjectPath = resolvedPath };
        }

        if (!node.IsExecutable)
        {
            return new CommandResolution(argv, CommandOutcome.NotExecutable, $"{resolvedPath} has mode {Convert.ToString(node.Mode & 0xFFF, 8)}: no execute bit, so exec fails with 'permission denied'", resolvedPath, steps) { SubjectPath = resolvedPath };
        }

        return CheckFormat(argv, node, resolvedPath, steps, depth);
    }

    private CommandResolution CheckFormat(IReadOnlyList<string> argv, FsNode node, string resolvedPath, List<string> steps, int depth)
    {
        if (node.Head is null)
        {
            return new CommandResolution(argv, CommandOutcome.Unknown, $"{resolvedPath} exists; its content was not kept, so its format is unknown", resolvedPath, steps);
        }

        var head = node.Head.AsSpan();
        if (Shebang.Parse(head) is { } shebang)
        {
            steps.Add($"{resolvedPath} starts with #!{shebang.Interpreter}{(shebang.Argument is null ? "" : " " + shebang.Argument)}");
            if (depth >= 4)
            {
                return new CommandResolution(argv, CommandOutcome.Unknown, "interpreters nest too deeply to follow", resolvedPath, steps);
            }

            var interpreter = ResolveProgram(argv, shebang.Interpreter, steps, depth + 1);
            if (interpreter.Outcome is CommandOutcome.NotFound or CommandOutcome.SymlinkLoop)
            {
                return interpreter with { Outcome = CommandOutcome.InterpreterMissing, Detail = $"{resolvedPath} needs the interpreter {shebang.Interpreter}, which is missing: {interpreter.Detail}", SubjectPath = resolvedPath };
            }

            if (interpreter.Fails)
            {
                return interpreter;
            }

            // "#!/usr/bin/env python3": env looks python3 up in PATH at run time.
            if (shebang.Interpreter.EndsWith("/env", StringComparison.Ordinal) && shebang.Argument is { Length: > 0 } target && !target.StartsWith('-'))
            {
                var viaEnv = ResolveProgram(argv, target.Split(' ')[0], [.. interpreter.Steps], depth + 1);
                if (viaEnv.Outcome is CommandOutcome.NotFound or CommandOutcome.SymlinkLoop)
                {
                    return viaEnv with { Outcome = CommandOutcome.InterpreterMissing, Detail = $"{resolvedPath} runs '{shebang.Interpreter} {target}', and {viaEnv.Detail}", SubjectPath = resolvedPath };
                }

                return viaEnv.Fails ? viaEnv : viaEnv with { ResolvedPath = resolvedPath };
            }

            return interpreter with { ResolvedPath = resolvedPath };
        }

        if (!ElfHeader.IsElf(head))
        {
            return new CommandResolution(argv, CommandOutcome.NotAnExecutableFormat, $"{resolvedPath} is neither an ELF binary nor a script with #!: execve fails with 'exec format error'", resolvedPath, steps) { SubjectPath = resolvedPath };
        }

        var elf = ElfHeader.Parse(head);
        if (elf is null)
        {
            return new CommandResolution(argv, CommandOutcome.NotAnExecutableFormat, $"{resolvedPath} has a damaged ELF header", resolvedPath, steps) { SubjectPath = resolvedPath };
        }

        var expected = ImageKnowledge.MachineFor(architecture);
        if (expected is not null && (elf.Machine != expected.Machine || elf.LittleEndian != expected.LittleEndian))
        {
            string actual = string.Join(" or ", ImageKnowledge.ArchitecturesFor(elf.Machine, elf.LittleEndian).Select(m => m.Architecture).DefaultIfEmpty($"e_machine {elf.Machine}"));
            steps.Add($"{resolvedPath}: ELF e_machine {elf.Machine} ({(elf.LittleEndian ? "little" : "big")}-endian) = {actual}; the platform {architecture} needs e_machine {expected.Machine}");
            return new CommandResolution(argv, CommandOutcome.WrongArchitecture, $"{resolvedPath} is a {actual} binary in a {architecture} image: exec format error", resolvedPath, steps) { SubjectPath = resolvedPath, Elf = elf };
        }

        if (elf.Interpreter is { Length: > 0 } loader)
        {
            var loaderResolution = fileSystem.Resolve(loader);
            if (!loaderResolution.Found)
            {
                string libc = ImageKnowledge.LibcOfLoader(loader) is { } family ? $" (a {family} binary)" : "";
                steps.Add($"{resolvedPath} asks for the loader {loader}{libc}: {loaderResolution.Failure}");
                string other = FindOtherLoader(loader);
                return new CommandResolution(argv, CommandOutcome.LoaderMissing, $"{resolvedPath} needs the dynamic loader {loader}{libc}, which the image lacks{other}; exec fails with 'no such file or directory'", resolvedPath, steps) { SubjectPath = resolvedPath, Elf = elf };
            }
        }

        return new CommandResolution(argv, CommandOutcome.Runs, $"{resolvedPath} is a {ImageKnowledge.ArchitecturesFor(elf.Machine, elf.LittleEndian).FirstOrDefault()?.Architecture ?? "known"} ELF binary{(elf.Interpreter is null ? " (static)" : $" (loader {elf.Interpreter})")}", resolvedPath, steps) { Elf = elf };
    }

    private string FindOtherLoader(string wanted)
    {
        foreach (string directory in new[] { "/lib", "/lib64", "/usr/lib" })
        {
            var found = fileSystem.Resolve(directory).Node;
            var candidate = found?.Children.FirstOrDefault(child => child.Name.StartsWith("ld-", StringComparison.Ordinal) && child.Name.Contains(".so", StringComparison.Ordinal));
            if (candidate is not null && candidate.Path != wanted)
            {
                string family = ImageKnowledge.LibcOfLoader(candidate.Name) is { } libc ? $" ({libc})" : "";
                return $" (it has {candidate.Path}{family})";
            }
        }

        return "";
    }

    private (FsNode? Node, string Path) LookPath(string program, List<string> steps, out CommandOutcome outcome, out string detail)
    {
        string? dangling = null;
        string? loop = null;
        string? notExecutable = null;
        foreach (string directory in path)
        {
            string dir = directory.Length == 0 ? "." : directory;
            string candidate = dir.EndsWith('/') ? dir + program : dir + "/" + program;
            var resolution = fileSystem.Resolve(candidate, followFinal: true, workingDirectory);
            if (resolution.Found)
            {
                var node = resolution.Node!;
                if (node.Kind != FsNodeKind.Directory && node.IsExecutable)
                {
                    steps.Add($"PATH lookup: {candidate}");
                    steps.AddRange(resolution.Chain);
                    if (resolution.EscapedRoot)
                    {
                        steps.Add(EscapeNote);
                    }

                    outcome = CommandOutcome.Runs;
                    detail = "";
                    return (node, node.Path);
                }

                notExecutable ??= node.Kind == FsNodeKind.Directory ? null : candidate;
                continue;
            }

            if (resolution.Chain.Count > 0 && resolution.Failure.StartsWith("too many levels", StringComparison.Ordinal))
            {
                loop ??= $"{candidate}: {resolution.Failure} ({string.Join(", ", resolution.Chain.Take(3))})";
            }
            else if (resolution.Chain.Count > 0 && fileSystem.Resolve(candidate, followFinal: false).Found)
            {
                dangling ??= $"{string.Join(", ", resolution.Chain)}: {resolution.Failure}";
            }
        }

        steps.Add($"PATH={string.Join(':', path)}");
        if (loop is not null)
        {
            steps.Add(loop);
            outcome = CommandOutcome.SymlinkLoop;
            detail = $"exec: \"{program}\": executable file not found in $PATH ({loop})";
            return (null, loop.Split(':')[0]);
        }

        outcome = CommandOutcome.NotFound;
        if (dangling is not null)
        {
            steps.Add("dangling symlink: " + dangling);
            detail = $"exec: \"{program}\": executable file not found in $PATH: the symlink {dangling}";
            return (null, dangling.Split(' ')[0]);
        }

        if (notExecutable is not null)
        {
            outcome = CommandOutcome.NotExecutable;
            detail = $"exec: \"{program}\": executable file not found in $PATH: {notExecutable} exists but has no execute bit";
            return (null, notExecutable);
        }

        detail = $"exec: \"{program}\": executable file not found in $PATH";
        return (null, program);
    }

    /// <summary>The first command a shell script runs, skipping VAR=value prefixes and builtins; null when unknown.</summary>
    internal static string? FirstCommandWord(string script)
    {
        foreach (string word in script.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if ((word.Contains('=', StringComparison.Ordinal) && !word.StartsWith('=')) || word == "exec")
            {
                continue;
            }

            if (word.IndexOfAny(['$', '`', '"', '\'', '(', ')', ';', '|', '&', '<', '>', '*', '?']) >= 0)
            {
                return null; // quoting or expansion: stay quiet rather than guess
            }

            return ShellBuiltins.Contains(word) ? null : word;
        }

        return null;
    }
}
