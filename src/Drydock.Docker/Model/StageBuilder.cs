using System.Globalization;

namespace Drydock.Docker.Model;

/// <summary>Splits a document into stages and works out, in build order, what is in force at each instruction.</summary>
internal static class StageBuilder
{
    public static readonly IReadOnlyList<string> PlatformVariables =
        ["TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"];

    public static readonly IReadOnlyList<string> PredefinedVariables =
        ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"];

    public static (IReadOnlyList<Stage> Stages, IReadOnlyList<ArgInstruction> GlobalArgs, VariableScope GlobalScope) Build(DockerfileDocument document)
    {
        var options = document.Options;
        var platform = PlatformValues(options);
        var baseScope = new Dictionary<string, Variable>(StringComparer.Ordinal);
        foreach (string name in PredefinedVariables)
        {
            baseScope[name] = new Variable(name, options.BuildArgs.GetValueOrDefault(name), VariableOrigin.Predefined, null);
        }

        var global = new VariableScope(new Dictionary<string, Variable>(baseScope, StringComparer.Ordinal));
        foreach (string name in PlatformVariables)
        {
            global = global.With(new Variable(name, platform.GetValueOrDefault(name), VariableOrigin.Platform, null));
        }

        var globalArgs = new List<ArgInstruction>();
        var instructions = document.Instructions;
        int index = 0;
        for (; index < instructions.Count && instructions[index] is not FromInstruction; index++)
        {
            if (instructions[index] is ArgInstruction arg)
            {
                globalArgs.Add(arg);
                foreach (var declaration in arg.Declarations)
                {
                    global = global.With(Declare(declaration, arg, global, options, inherited: null));
                }
            }
        }

        var stages = new List<Stage>();
        while (index < instructions.Count)
        {
            var from = (FromInstruction)instructions[index];
            int end = index + 1;
            while (end < instructions.Count && instructions[end] is not FromInstruction)
            {
                end++;
            }

            var stage = new Stage(document, stages.Count, from, [.. instructions.Skip(index + 1).Take(end - index - 1)]);
            from.Stage = stage;
            foreach (var instruction in stage.Instructions)
            {
                instruction.Stage = stage;
            }

            ResolveBase(stage, stages, global);
            Walk(stage, stages, baseScope, global, platform, options);
            stages.Add(stage);
            index = end;
        }

        return (stages, globalArgs, global);
    }

    private static void ResolveBase(Stage stage, List<Stage> earlier, VariableScope global)
    {
        var from = stage.From;
        if (from.ImageWord is { } image)
        {
            var expansion = global.Expand(image.Raw, from.EscapeCharacter);
            if (expansion.IsKnown)
            {
                stage.BaseName = expansion.Text;
                stage.BaseStage = earlier.LastOrDefault(candidate => candidate.Name is { } name && name.Equals(expansion.Text, StringComparison.OrdinalIgnoreCase));
                if (stage.BaseStage is null && !expansion.Text.Equals("scratch", StringComparison.OrdinalIgnoreCase))
                {
                    stage.BaseImage = ImageReference.Parse(expansion.Text);
                }
            }
        }

        if (from.Platform is { Value: { } platform })
        {
            var expansion = global.Expand(platform, from.EscapeCharacter);
            stage.Platform = expansion.IsKnown ? expansion.Text : null;
        }
    }

    private static void Walk(Stage stage, List<Stage> earlier, Dictionary<string, Variable> baseScope, VariableScope global, Dictionary<string, string> platform, DockerfileParseOptions options)
    {
        var inherited = stage.BaseStage;
        var scope = new VariableScope(new Dictionary<string, Variable>(baseScope, StringComparer.Ordinal));
        if (inherited is not null)
        {
            foreach (var variable in inherited.Variables.All.Where(variable => variable.Origin == VariableOrigin.Env))
            {
                scope = scope.With(variable);
            }
        }

        string? user = inherited?.FinalUser;
        var userSetBy = inherited?.FinalUserInstruction;
        string? workdir = inherited?.FinalWorkdir;
        var shell = inherited?.FinalShell ?? Stage.DefaultShell;
        ShellInstruction? shellSetBy = null;
        var cmd = inherited?.Cmd;
        var entrypoint = inherited?.Entrypoint;
        var healthcheck = inherited?.Healthcheck;
        var ports = new List<ExposedPort>(inherited?.ExposedPorts ?? []);
        var dependencies = new List<Stage>();
        if (inherited is not null)
        {
            dependencies.Add(inherited);
        }

        var installs = new List<InstallCommand>();
        stage.SetState(stage.From, new InstructionState(scope, user, userSetBy, workdir, shell, shellSetBy));
        foreach (var instruction in stage.Instructions)
        {
            stage.SetState(instruction, new InstructionState(scope, user, userSetBy, workdir, shell, shellSetBy));
            switch (instruction)
            {
                case ArgInstruction arg:
                    foreach (var declaration in arg.Declarations)
                    {
                        var fromGlobal = global[declaration.Name];
                        var fromPlatform = platform.TryGetValue(declaration.Name, out var value) ? value : null;
                        scope = scope.With(Declare(declaration, arg, scope, options, fromGlobal ?? (fromPlatform is not null || StageBuilder.PlatformVariables.Contains(declaration.Name)
                            ? new Variable(declaration.Name, fromPlatform, VariableOrigin.Platform, null) : null)));
                    }

                    break;
                case EnvInstruction env:
                    foreach (var pair in env.Variables)
                    {
                        var expansion = scope.Expand(pair.Value.Raw, env.EscapeCharacter);
                        scope = scope.With(new Variable(pair.Key, expansion.IsKnown ? expansion.Text : null, VariableOrigin.Env, env));
                    }

                    break;
                case UserInstruction userInstruction when userInstruction.UserWord is { } word:
                    var expandedUser = scope.Expand(word.Raw, userInstruction.EscapeCharacter);
                    user = expandedUser.IsKnown ? expandedUser.Text : word.Value;
                    userSetBy = userInstruction;
                    break;
                case WorkdirInstruction workdirInstruction when workdirInstruction.PathWord is { } path:
                    var expandedPath = scope.Expand(path.Raw, workdirInstruction.EscapeCharacter);
                    string next = expandedPath.IsKnown ? expandedPath.Text : path.Value;
                    workdir = next.StartsWith('/') || workdir is null ? (next.StartsWith('/') ? next : "/" + next) : workdir.TrimEnd('/') + "/" + next;
                    break;
                case ShellInstruction shellInstruction when shellInstruction.IsJsonForm:
                    shell = shellInstruction.Shell;
                    shellSetBy = shellInstruction;
                    break;
                case CmdInstruction cmdInstruction:
                    cmd = cmdInstruction;
                    break;
                case EntrypointInstruction entrypointInstruction:
                    entrypoint = entrypointInstruction;
                    break;
                case HealthcheckInstruction healthcheckInstruction:
                    healthcheck = healthcheckInstruction;
                    break;
                case ExposeInstruction expose:
                    ports.AddRange(expose.Ports);
                    break;
                case FileTransferInstruction transfer when transfer.From is { } source:
                    AddDependency(earlier, stage, source, scope, transfer, dependencies);
                    break;
                case RunInstruction run:
                    foreach (var mount in run.Mounts.Where(mount => mount.From is not null))
                    {
                        AddDependency(earlier, stage, mount.From!, scope, run, dependencies);
                    }

                    installs.AddRange(InstallCommand.Extract(run, stage));
                    break;
            }
        }

        stage.Variables = scope;
        stage.FinalUser = user;
        stage.FinalUserInstruction = userSetBy;
        stage.FinalWorkdir = workdir;
        stage.FinalShell = shell;
        stage.Cmd = cmd;
        stage.Entrypoint = entrypoint;
        stage.Healthcheck = healthcheck;
        stage.ExposedPorts = ports;
        stage.Dependencies = dependencies;
        stage.Installs = installs;
    }

    private static void AddDependency(List<Stage> earlier, Stage stage, string reference, VariableScope scope, Instruction instruction, List<Stage> dependencies)
    {
        var expansion = scope.Expand(reference, instruction.EscapeCharacter);
        if (expansion.IsKnown && DockerfileDocument.FindIn(earlier, expansion.Text, stage.Index) is { } found && !dependencies.Contains(found))
        {
            dependencies.Add(found);
        }
    }

    private static Variable Declare(ArgDeclaration declaration, ArgInstruction arg, VariableScope scope, DockerfileParseOptions options, Variable? inherited)
    {
        if (options.BuildArgs.TryGetValue(declaration.Name, out var given))
        {
            return new Variable(declaration.Name, given, VariableOrigin.Arg, arg);
        }

        if (declaration.DefaultValue is { } defaultValue)
        {
            var expansion = scope.Expand(defaultValue.Raw, arg.EscapeCharacter);
            return new Variable(declaration.Name, expansion.IsKnown ? expansion.Text : null, VariableOrigin.Arg, arg);
        }

        return new Variable(declaration.Name, inherited?.Value, inherited?.Origin == VariableOrigin.Platform ? VariableOrigin.Platform : VariableOrigin.Arg, arg);
    }

    private static Dictionary<string, string> PlatformValues(DockerfileParseOptions options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Fill("TARGET", options.TargetPlatform);
        Fill("BUILD", options.BuildPlatform ?? options.TargetPlatform);
        return values;

        void Fill(string prefix, string? platform)
        {
            if (string.IsNullOrEmpty(platform))
            {
                return;
            }

            string[] parts = platform.Split('/');
            values[prefix + "PLATFORM"] = platform;
            values[prefix + "OS"] = parts[0];
            values[prefix + "ARCH"] = parts.Length > 1 ? parts[1] : "";
            values[prefix + "VARIANT"] = parts.Length > 2 ? parts[2] : "";
        }
    }

    internal static int? ParseIndex(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
}
