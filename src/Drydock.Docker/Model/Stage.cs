namespace Drydock.Docker.Model;

/// <summary>What is in force when one instruction of a stage runs.</summary>
public sealed record InstructionState(VariableScope Scope, string? User, UserInstruction? UserSetBy, string? Workdir, IReadOnlyList<string> Shell, ShellInstruction? ShellSetBy);

/// <summary>
/// One build stage: its FROM, its instructions, what it is built on, and what is in force at each instruction
/// (variables, USER, WORKDIR, SHELL). Image settings a stage inherits from an earlier stage it is built FROM
/// (ENV, USER, WORKDIR, CMD, ENTRYPOINT, HEALTHCHECK, EXPOSE) are followed.
/// </summary>
public sealed class Stage
{
    public static readonly IReadOnlyList<string> DefaultShell = ["/bin/sh", "-c"];

    private readonly Dictionary<Instruction, InstructionState> states = [];
    private IReadOnlyList<Stage>? chain;

    internal Stage(DockerfileDocument document, int index, FromInstruction from, IReadOnlyList<Instruction> instructions)
    {
        Document = document;
        Index = index;
        From = from;
        Instructions = instructions;
    }

    public DockerfileDocument Document { get; }

    public int Index { get; }

    public FromInstruction From { get; }

    /// <summary>The instructions after FROM, up to the next FROM.</summary>
    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>FROM followed by <see cref="Instructions"/>.</summary>
    public IEnumerable<Instruction> AllInstructions => Instructions.Prepend(From);

    /// <summary>The <c>AS name</c>, null for an unnamed stage.</summary>
    public string? Name => From.StageName;

    /// <summary>The name, or the index for an unnamed stage: what messages should call it.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsFinal => ReferenceEquals(Document.FinalStage, this);

    /// <summary>The FROM argument expanded with the global ARGs; null when a variable in it is unknown.</summary>
    public string? BaseName { get; internal set; }

    /// <summary>The expanded FROM argument as an image reference; null for a stage base, unknown text or scratch.</summary>
    public ImageReference? BaseImage { get; internal set; }

    /// <summary>The earlier stage this one is built FROM, if any.</summary>
    public Stage? BaseStage { get; internal set; }

    public bool IsScratch => BaseStage is null && string.Equals(BaseName, "scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The stage chain from the root external image to this stage (FROM stage links), root first.</summary>
    public IReadOnlyList<Stage> Chain => chain ??= ReadChain();

    /// <summary>The expanded --platform of FROM; null when absent or unknown.</summary>
    public string? Platform { get; internal set; }

    /// <summary>Stages this one reads from directly: its FROM stage, COPY --from, RUN --mount from=.</summary>
    public IReadOnlyList<Stage> Dependencies { get; internal set; } = [];

    /// <summary>Stages this one needs, transitively (not including itself), in index order.</summary>
    public IReadOnlyList<Stage> RequiredStages
    {
        get
        {
            var seen = new SortedDictionary<int, Stage>();
            var pending = new Stack<Stage>(Dependencies);
            while (pending.Count > 0)
            {
                var stage = pending.Pop();
                if (stage != this && seen.TryAdd(stage.Index, stage))
                {
                    foreach (var next in stage.Dependencies)
                    {
                        pending.Push(next);
                    }
                }
            }

            return [.. seen.Values];
        }
    }

    /// <summary>Every install command (apt-get, apk, pip, uv pip, poetry...) of this stage's RUN instructions, in order.</summary>
    public IReadOnlyList<InstallCommand> Installs { get; internal set; } = [];

    public IEnumerable<PackageSpec> Packages => Installs.SelectMany(install => install.Packages);

    /// <summary>Variables at the end of the stage.</summary>
    public VariableScope Variables { get; internal set; } = VariableScope.Empty;

    /// <summary>The effective USER at the end of the stage, expanded (null: never set, so the base image's, usually root).</summary>
    public string? FinalUser { get; internal set; }

    public UserInstruction? FinalUserInstruction { get; internal set; }

    public string? FinalWorkdir { get; internal set; }

    public IReadOnlyList<string> FinalShell { get; internal set; } = DefaultShell;

    /// <summary>The CMD in force at the end of the stage (this stage's last, else inherited from its base stage).</summary>
    public CmdInstruction? Cmd { get; internal set; }

    public EntrypointInstruction? Entrypoint { get; internal set; }

    public HealthcheckInstruction? Healthcheck { get; internal set; }

    /// <summary>EXPOSE ports of this stage and of the stages it is built FROM.</summary>
    public IReadOnlyList<ExposedPort> ExposedPorts { get; internal set; } = [];

    public IEnumerable<T> InstructionsOf<T>()
        where T : Instruction => Instructions.OfType<T>();

    /// <summary>What is in force when <paramref name="instruction"/> runs (before its own effect).</summary>
    public InstructionState StateAt(Instruction instruction) =>
        states.TryGetValue(instruction, out var state) ? state : new InstructionState(Variables, FinalUser, FinalUserInstruction, FinalWorkdir, FinalShell, null);

    public VariableScope ScopeAt(Instruction instruction) => StateAt(instruction).Scope;

    public string? UserAt(Instruction instruction) => StateAt(instruction).User;

    public string? WorkdirAt(Instruction instruction) => StateAt(instruction).Workdir;

    public IReadOnlyList<string> ShellAt(Instruction instruction) => StateAt(instruction).Shell;

    /// <summary>Expands a word with the variables in force at <paramref name="instruction"/>.</summary>
    public Expansion Expand(DockerWord word, Instruction instruction) => ScopeAt(instruction).Expand(word.Raw, instruction.EscapeCharacter);

    /// <summary>
    /// The argv the container runs by default: ENTRYPOINT (exec form) followed by CMD, a shell form wrapped in the
    /// stage's SHELL (<c>/bin/sh -c</c>). Null when neither is set in the Dockerfile (the base image decides).
    /// </summary>
    public IReadOnlyList<string>? ResolvedCommand
    {
        get
        {
            if (Entrypoint is not null)
            {
                var entry = Entrypoint.Command.Argv(ShellAt(Entrypoint));
                // A shell-form ENTRYPOINT ignores CMD; an ENTRYPOINT set in a later stage than the CMD resets it.
                if (!Entrypoint.Command.IsExecForm || Cmd is null || Cmd.Stage!.Index < Entrypoint.Stage!.Index)
                {
                    return entry;
                }

                return [.. entry, .. Cmd.Command.Argv(ShellAt(Cmd))];
            }

            return Cmd?.Command.Argv(ShellAt(Cmd));
        }
    }

    internal void SetState(Instruction instruction, InstructionState state) => states[instruction] = state;

    public override string ToString() => $"stage {DisplayName} (line {From.Line})";

    private List<Stage> ReadChain()
    {
        var links = new List<Stage>();
        for (var current = this; current is not null && !links.Contains(current); current = current.BaseStage)
        {
            links.Insert(0, current);
        }

        return links;
    }
}
