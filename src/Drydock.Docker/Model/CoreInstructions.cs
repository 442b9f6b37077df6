using Drydock.Docker.Parsing;

namespace Drydock.Docker.Model;

/// <summary><c>FROM [--platform=p] image [AS name]</c>.</summary>
public sealed class FromInstruction : Instruction
{
    internal FromInstruction(InstructionParts parts)
        : base(parts)
    {
        ImageWord = Words.Count > 0 ? Words[0] : null;
        if (Words.Count >= 3 && Words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            StageNameWord = Words[2];
        }
    }

    /// <summary>The image as written (may hold variables: <c>${BASE}</c>); null when FROM has no argument.</summary>
    public DockerWord? ImageWord { get; }

    /// <summary>The image parsed as written, before expansion; see <see cref="Stage.BaseImage"/> for the expanded one.</summary>
    public ImageReference? Image => ImageWord is { HasVariables: false } word ? ImageReference.Parse(word.Value) : null;

    public DockerWord? StageNameWord { get; }

    public string? StageName => StageNameWord?.Value;

    public DockerfileFlag? Platform => Flag("platform");
}

/// <summary>One <c>name[=default]</c> of an ARG.</summary>
public sealed record ArgDeclaration(string Name, TextSpan NameSpan, DockerWord Word, DockerWord? DefaultValue);

/// <summary><c>ARG name[=default] ...</c>.</summary>
public sealed class ArgInstruction : Instruction
{
    internal ArgInstruction(InstructionParts parts)
        : base(parts)
    {
        Declarations = [.. Words.Select(word => KeyValueSplitter.Split(word, out var key, out var keySpan, out var value, parts.Escape) && value is not null
            ? new ArgDeclaration(key, keySpan, word, value)
            : new ArgDeclaration(word.Value, word.Span, word, null))];
    }

    public IReadOnlyList<ArgDeclaration> Declarations { get; }
}

/// <summary>A <c>key=value</c> of ENV or LABEL (or the legacy <c>ENV key value</c>).</summary>
public sealed record KeyValue(string Key, TextSpan KeySpan, DockerWord Value, TextSpan Span);

/// <summary><c>ENV key=value ...</c> or the legacy <c>ENV key value with spaces</c>.</summary>
public sealed class EnvInstruction : Instruction
{
    internal EnvInstruction(InstructionParts parts)
        : base(parts)
    {
        Variables = KeyValueSplitter.Pairs(this, out bool legacy);
        IsLegacyForm = legacy;
    }

    public IReadOnlyList<KeyValue> Variables { get; }

    /// <summary><c>ENV key value</c> without '=' (deprecated by BuildKit's LegacyKeyValueFormat check).</summary>
    public bool IsLegacyForm { get; }
}

/// <summary><c>LABEL key=value ...</c>.</summary>
public sealed class LabelInstruction : Instruction
{
    internal LabelInstruction(InstructionParts parts)
        : base(parts)
    {
        Labels = KeyValueSplitter.Pairs(this, out bool legacy);
        IsLegacyForm = legacy;
    }

    public IReadOnlyList<KeyValue> Labels { get; }

    public bool IsLegacyForm { get; }
}

/// <summary><c>USER name[:group]</c>.</summary>
public sealed class UserInstruction : Instruction
{
    internal UserInstruction(InstructionParts parts)
        : base(parts)
    {
        UserWord = Words.Count > 0 ? Words[0] : null;
    }

    public DockerWord? UserWord { get; }

    /// <summary>The user part as written (before ':').</summary>
    public string? User => UserWord?.Value.Split(':')[0];

    public string? Group => UserWord?.Value.Contains(':') == true ? UserWord.Value[(UserWord.Value.IndexOf(':') + 1)..] : null;
}

/// <summary><c>WORKDIR path</c> (the whole rest of the line is the path).</summary>
public sealed class WorkdirInstruction : Instruction
{
    internal WorkdirInstruction(InstructionParts parts)
        : base(parts)
    {
        PathWord = KeyValueSplitter.Whole(this);
    }

    public DockerWord? PathWord { get; }

    public string? Path => PathWord?.Value;
}

/// <summary>One port of EXPOSE as written: <c>8080</c>, <c>53/udp</c>, <c>8000-8010</c>.</summary>
public sealed record ExposedPort(DockerWord Word)
{
    public string Text => Word.Value;
}

/// <summary><c>EXPOSE port[/protocol] ...</c>.</summary>
public sealed class ExposeInstruction : Instruction
{
    internal ExposeInstruction(InstructionParts parts)
        : base(parts)
    {
        Ports = [.. Words.Select(word => new ExposedPort(word))];
    }

    public IReadOnlyList<ExposedPort> Ports { get; }
}

/// <summary><c>VOLUME ["/data"]</c> or <c>VOLUME /data /logs</c>.</summary>
public sealed class VolumeInstruction : Instruction
{
    internal VolumeInstruction(InstructionParts parts)
        : base(parts)
    {
        Paths = IsJsonForm ? [.. JsonArguments.Select(KeyValueSplitter.FromJson)] : Words;
    }

    public IReadOnlyList<DockerWord> Paths { get; }
}

/// <summary><c>SHELL ["/bin/bash", "-o", "pipefail", "-c"]</c> (JSON form only).</summary>
public sealed class ShellInstruction : Instruction
{
    internal ShellInstruction(InstructionParts parts)
        : base(parts)
    {
    }

    public IReadOnlyList<string> Shell => [.. JsonArguments.Select(argument => argument.Value)];
}

/// <summary><c>STOPSIGNAL SIGTERM</c>.</summary>
public sealed class StopSignalInstruction : Instruction
{
    internal StopSignalInstruction(InstructionParts parts)
        : base(parts)
    {
    }

    public DockerWord? Signal => Words.Count > 0 ? Words[0] : null;
}
