using System.IO.Compression;

namespace Drydock.Logs.Reading;

/// <summary>Caps for compressed inputs, against zip bombs.</summary>
public sealed record ArchiveLimits
{
    /// <summary>Total bytes all entries of one archive (or one gzip log) may inflate to.</summary>
    public long MaxTotalBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Inflated/compressed ratio beyond which an entry (over 1 MiB inflated) is refused.</summary>
    public double MaxRatio { get; init; } = 250;

    public int MaxEntries { get; init; } = 10_000;
}

/// <summary>
/// Expands what the user named into logs: files, directories (every file below, sorted), gzip logs, standard
/// input ("-"), and the zip of a GitHub Actions run's logs (one file per job at the top, a folder of step files
/// per job). Problems (a missing path, a zip bomb, an entry named "../x") come back as messages, never thrown.
/// </summary>
public static class LogSources
{
    public const string StandardInput = "-";

    public static (IReadOnlyList<LogInput> Inputs, IReadOnlyList<(string Path, string Message)> Problems) Expand(
        IEnumerable<string> sources, ArchiveLimits? limits = null, Func<Stream>? standardInput = null)
    {
        limits ??= new ArchiveLimits();
        var inputs = new List<LogInput>();
        var problems = new List<(string, string)>();
        foreach (string source in sources)
        {
            if (source == StandardInput)
            {
                var open = standardInput ?? Console.OpenStandardInput;
                inputs.Add(new LogInput { Path = StandardInput, JobName = "stdin", Open = () => MaybeGunzip(open(), StandardInput, limits) });
            }
            else if (Directory.Exists(source))
            {
                foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                    .Where(file => !Path.GetFileName(file).StartsWith('.') && !Path.GetFileName(file).EndsWith(".expected", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal))
                {
                    AddFile(file, Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/'), inputs, problems, limits);
                }
            }
            else if (File.Exists(source))
            {
                AddFile(source, source.Replace('\\', '/'), inputs, problems, limits);
            }
            else
            {
                problems.Add((source, "no such file or directory"));
            }
        }

        return (inputs, problems);
    }

    /// <summary>"1_build (3.9).txt" -> "build (3.9)"; "pytest-3.11.log.gz" -> "pytest-3.11".</summary>
    public static string JobNameOf(string fileName)
    {
        string name = Path.GetFileName(fileName);
        foreach (string extension in new[] { ".gz", ".txt", ".log" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        int underscore = name.IndexOf('_');
        if (underscore > 0 && name[..underscore].All(char.IsAsciiDigit))
        {
            name = name[(underscore + 1)..];
        }

        return name.Length == 0 ? fileName : name;
    }

    private static void AddFile(string file, string display, List<LogInput> inputs, List<(string, string)> problems, ArchiveLimits limits)
    {
        if (IsZip(file))
        {
            try
            {
                inputs.AddRange(RunZip(file, display, limits));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or LogInputException)
            {
                problems.Add((display, e.Message));
            }

            return;
        }

        inputs.Add(new LogInput { Path = display, JobName = JobNameOf(file), Open = () => MaybeGunzip(File.OpenRead(file), display, limits) });
    }

    private static bool IsZip(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        try
        {
            using var stream = File.OpenRead(file);
            return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Gzip is detected by its magic bytes, not its name; the inflated size is capped.</summary>
    private static Stream MaybeGunzip(Stream stream, string display, ArchiveLimits limits)
    {
        var buffered = new BufferedStream(stream, 64 * 1024);
        Span<byte> magic = stackalloc byte[2];
        int read = buffered.CanSeek ? buffered.Read(magic) : 0;
        if (buffered.CanSeek)
        {
            buffered.Seek(0, SeekOrigin.Begin);
            if (read == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                return new BoundedStream(new GZipStream(buffered, CompressionMode.Decompress), limits.MaxTotalBytes, display);
            }

            return buffered;
        }

        // Standard input cannot seek: peek through a small prefix stream instead.
        var head = new byte[2];
        int got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        var joined = new PrefixedStream(head.AsMemory(0, got), stream);
        return got == 2 && head[0] == 0x1F && head[1] == 0x8B
            ? new BoundedStream(new GZipStream(joined, CompressionMode.Decompress), limits.MaxTotalBytes, display)
            : joined;
    }

    private static List<LogInput> RunZip(string file, string display, ArchiveLimits limits)
    {
        using var archive = ZipFile.OpenRead(file);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw new LogInputException($"the zip holds {archive.Entries.Count} entries, over the {limits.MaxEntries} limit: not a run's logs");
        }

        long declared = 0;
        var jobs = new List<ZipArchiveEntry>();
        var stepFiles = new Dictionary<string, List<ZipArchiveEntry>>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            string name = entry.FullName.Replace('\\', '/');
            if (name.EndsWith('/'))
            {
                continue;
            }

            if (name.StartsWith('/') || name.Split('/').Any(part => part == ".."))
            {
                throw new LogInputException($"zip entry '{name}' points outside the archive: refusing the zip");
            }

            declared += entry.Length;
            if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > limits.MaxRatio)
            {
                throw new LogInputException($"zip entry '{name}' inflates {entry.Length / entry.CompressedLength}x ({entry.Length / (1024 * 1024)} MiB): refusing it as a likely zip bomb");
            }

            int slash = name.LastIndexOf('/');
            if (slash < 0)
            {
                jobs.Add(entry);
            }
            else
            {
                string job = name[..slash];
                if (!stepFiles.TryGetValue(job, out var list))
                {
                    stepFiles[job] = list = [];
                }

                list.Add(entry);
            }
        }

        if (declared > limits.MaxTotalBytes)
        {
            throw new LogInputException($"the zip inflates to {declared / (1024 * 1024)} MiB, over the {limits.MaxTotalBytes / (1024 * 1024)} MiB limit: refusing it as a likely zip bomb");
        }

        var inputs = new List<LogInput>();
        foreach (var entry in jobs.OrderBy(entry => entry.FullName, StringComparer.Ordinal))
        {
            string job = JobNameOf(entry.FullName);
            var steps = stepFiles.GetValueOrDefault(job) ?? stepFiles.GetValueOrDefault(Path.GetFileNameWithoutExtension(entry.FullName)) ?? [];
            inputs.Add(ZipInput(file, display, entry.FullName, job, entry.Length, limits, StepNames(steps, limits)));
        }

        // A zip with only step folders: each step file is a log of its job.
        if (jobs.Count == 0)
        {
            foreach (var (job, steps) in stepFiles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                foreach (var step in steps.OrderBy(entry => StepOrder(entry.Name)))
                {
                    inputs.Add(ZipInput(file, display, step.FullName, job, step.Length, limits, null));
                }
            }
        }

        return inputs;
    }

    private static LogInput ZipInput(string file, string display, string entryName, string job, long declaredLength, ArchiveLimits limits, IReadOnlyDictionary<string, string>? steps) => new()
    {
        Path = $"{display}!{entryName}",
        JobName = job,
        StepNamesByFirstLine = steps,
        Open = () =>
        {
            var archive = ZipFile.OpenRead(file);
            var entry = archive.GetEntry(entryName) ?? throw new LogInputException($"{entryName} vanished from {display}");
            long cap = Math.Min(limits.MaxTotalBytes, Math.Max(declaredLength, 0) + 1);
            return new BoundedStream(entry.Open(), cap, $"{display}!{entryName}", archive.Dispose);
        },
    };

    /// <summary>Step files are "3_Run tests.txt": their first line marks where the step starts in the job's log.</summary>
    private static Dictionary<string, string>? StepNames(List<ZipArchiveEntry> steps, ArchiveLimits limits)
    {
        if (steps.Count == 0)
        {
            return null;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in steps.OrderBy(entry => StepOrder(entry.Name)))
        {
            using var stream = new BoundedStream(step.Open(), Math.Min(limits.MaxTotalBytes, step.Length + 1), step.FullName);
            using var reader = new LogLineReader(stream, 4096);
            if (reader.ReadLine(out var first))
            {
                names.TryAdd(first.TrimEnd('\r').ToString(), JobNameOf(step.Name));
            }
        }

        return names;
    }

    private static int StepOrder(string name)
    {
        int underscore = name.IndexOf('_');
        return underscore > 0 && int.TryParse(name.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture, out int order) ? order : int.MaxValue;
    }
}
