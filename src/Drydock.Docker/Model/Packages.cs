using Drydock.Knowledge;

namespace Drydock.Docker.Model;

/// <summary>The package managers Drydock reads in RUN (see Knowledge/package-managers.json).</summary>
public enum PackageManager
{
    Apt,
    Apk,
    Pip,
    Uv,
    Poetry,
    Rpm,
}

/// <summary>
/// One package named on an install command: <c>curl</c>, <c>curl=7.88.1-10</c>, <c>requests==2.32.0</c>,
/// <c>numpy&gt;=2</c>. <see cref="Name"/> is without version or extras; <see cref="Version"/> is the text after the separator.
/// </summary>
public sealed record PackageSpec(string Name, string? Version, ShellWord Word, InstallCommand Install)
{
    public PackageManager Manager => Install.Manager;

    public TextSpan Span => Word.Span;

    public bool IsArchitectureGuarded => Install.IsArchitectureGuarded;

    public bool IsPinned => Version is not null;
}

/// <summary>
/// An install command in a RUN: <c>apt-get install -y curl</c>, <c>apk add --no-cache git</c>, <c>pip install -r req.txt x</c>,
/// <c>uv pip install</c>, <c>poetry add</c>, <c>dnf install</c>, with what it installs.
/// </summary>
public sealed class InstallCommand
{
    private static readonly Lazy<IReadOnlyList<ManagerShape>> Shapes = new(LoadShapes);

    private InstallCommand(PackageManager manager, CommandLine line, RunInstruction instruction, Stage stage)
    {
        Manager = manager;
        Line = line;
        Instruction = instruction;
        Stage = stage;
    }

    public PackageManager Manager { get; }

    public CommandLine Line { get; }

    public RunInstruction Instruction { get; }

    public Stage Stage { get; }

    public IReadOnlyList<PackageSpec> Packages { get; private set; } = [];

    /// <summary>pip/uv <c>-r file</c> arguments.</summary>
    public IReadOnlyList<ShellWord> RequirementFiles { get; private set; } = [];

    /// <summary>pip/uv <c>-e path</c> arguments and local paths (<c>.</c>, <c>./pkg</c>, wheels).</summary>
    public IReadOnlyList<ShellWord> LocalTargets { get; private set; } = [];

    public bool IsArchitectureGuarded => Line.Command.IsArchitectureGuarded;

    public SimpleCommand Command => Line.Command;

    public static IEnumerable<InstallCommand> Extract(RunInstruction run, Stage stage)
    {
        foreach (var line in run.CommandLines)
        {
            if (line.Program is null)
            {
                continue;
            }

            foreach (var shape in Shapes.Value)
            {
                if (shape.Programs.Contains(line.Program) && shape.Read(line, run, stage) is { } install)
                {
                    yield return install;
                }
            }
        }
    }

    private static IReadOnlyList<ManagerShape> LoadShapes()
    {
        using var document = KnowledgeFile.Open(typeof(InstallCommand).Assembly, "package-managers.json");
        var shapes = new List<ManagerShape>();
        foreach (var entry in document.RootElement.GetProperty("managers").EnumerateArray())
        {
            string id = KnowledgeFile.RequiredString(entry, "id", "package-managers.json");
            var manager = id switch
            {
                "apt" => PackageManager.Apt,
                "apk" => PackageManager.Apk,
                "pip" => PackageManager.Pip,
                "uv" => PackageManager.Uv,
                "poetry" => PackageManager.Poetry,
                "rpm" => PackageManager.Rpm,
                _ => throw new KnowledgeException($"package-managers.json: unknown manager '{id}'"),
            };
            shapes.Add(new ManagerShape(
                manager,
                new HashSet<string>(KnowledgeFile.StringArray(entry, "programs"), StringComparer.Ordinal),
                KnowledgeFile.StringArray(entry, "install"),
                new HashSet<string>(KnowledgeFile.StringArray(entry, "optionsWithValue"), StringComparer.Ordinal),
                KnowledgeFile.StringArray(entry, "versionSeparators")));
        }

        return shapes;
    }

    private sealed record ManagerShape(PackageManager Manager, HashSet<string> Programs, IReadOnlyList<string> Install, HashSet<string> OptionsWithValue, IReadOnlyList<string> Separators)
    {
        public InstallCommand? Read(CommandLine line, RunInstruction run, Stage stage)
        {
            var arguments = line.Arguments;
            int index = FindSubcommand(arguments);
            if (index < 0)
            {
                return null;
            }

            var install = new InstallCommand(Manager, line, run, stage);
            var packages = new List<PackageSpec>();
            var requirements = new List<ShellWord>();
            var local = new List<ShellWord>();
            for (int i = index; i < arguments.Count; i++)
            {
                var word = arguments[i];
                string value = word.Value;
                if (word.IsFlag)
                {
                    string option = value.Contains('=') ? value[..value.IndexOf('=')] : value;
                    bool inline = value.Contains('=') || (option.Length > 2 && option[1] != '-' && OptionsWithValue.Contains(option[..2]));
                    string name = inline && option.Length >= 2 && option[1] != '-' ? option[..2] : option;
                    if (OptionsWithValue.Contains(name))
                    {
                        ShellWord? argument = inline ? null : i + 1 < arguments.Count ? arguments[++i] : null;
                        if (name is "-r" or "--requirement" && argument is not null)
                        {
                            requirements.Add(argument);
                        }
                        else if (name is "-e" or "--editable" && argument is not null)
                        {
                            local.Add(argument);
                        }
                    }

                    continue;
                }

                if (IsLocalTarget(value))
                {
                    local.Add(word);
                    continue;
                }

                var (packageName, version) = SplitVersion(value);
                if (packageName.Length > 0)
                {
                    packages.Add(new PackageSpec(packageName, version, word, install));
                }
            }

            install.Packages = packages;
            install.RequirementFiles = requirements;
            install.LocalTargets = local;
            return install;
        }

        private int FindSubcommand(IReadOnlyList<ShellWord> arguments)
        {
            foreach (string form in Install)
            {
                string[] words = form.Split(' ');
                int matched = 0, i = 0;
                for (; i < arguments.Count && matched < words.Length; i++)
                {
                    var word = arguments[i];
                    if (word.IsFlag)
                    {
                        string option = word.Value.Contains('=') ? word.Value[..word.Value.IndexOf('=')] : word.Value;
                        if (OptionsWithValue.Contains(option) && !word.Value.Contains('='))
                        {
                            i++;
                        }

                        continue;
                    }

                    if (word.Value != words[matched])
                    {
                        break;
                    }

                    matched++;
                }

                if (matched == words.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool IsLocalTarget(string value) =>
            Manager is PackageManager.Pip or PackageManager.Uv or PackageManager.Poetry
            && (value.StartsWith('.') || value.StartsWith('/') || value.Contains("://", StringComparison.Ordinal)
                || value.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
                || value.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            || (Manager is PackageManager.Apt or PackageManager.Rpm && (value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal) || value.EndsWith(".deb", StringComparison.Ordinal) || value.EndsWith(".rpm", StringComparison.Ordinal)));

        private (string Name, string? Version) SplitVersion(string value)
        {
            // A version separator needs a name before it ("" and "=" name nothing).
            if (Manager == PackageManager.Rpm || value.Length < 2)
            {
                return (value, null);
            }

            int best = -1;
            foreach (string separator in Separators)
            {
                int at = value.IndexOf(separator, 1, StringComparison.Ordinal) is var found && found > 0 ? found : -1;
                if (at > 0 && (best < 0 || at < best))
                {
                    best = at;
                }
            }

            if (best < 0)
            {
                // apt's pkg/release selects a release, not a version.
                int slash = Manager == PackageManager.Apt ? value.IndexOf('/') : -1;
                return (slash > 0 ? value[..slash] : value, null);
            }

            string name = value[..best];
            string rest = value[best..].TrimStart('=', '~', '@', '^').Trim();
            if (value[best] == '[')
            {
                int close = value.IndexOf(']', best);
                string after = close > 0 ? value[(close + 1)..] : "";
                return (name, after.Length > 0 ? after.TrimStart('=', '~', '@') : null);
            }

            return (name, value[best] == ';' ? null : rest.Length > 0 ? rest : null);
        }
    }
}
