using Drydock.Docker.Model;
using Drydock.Docker.Parsing;
using Drydock.Image.Parsing;
using Drydock.Logs.Analysis;
using Drydock.Logs.Reading;
using Drydock.Make.Parsing;
using Drydock.Python.Parsing;
using Drydock.Text;
using SharpFuzz;

namespace Drydock.Fuzz;

/// <summary>
/// One fuzz target per hand-written parser. Each takes raw bytes and drives the parser the way Drydock does; the
/// parsers promise never to throw (input problems come back as Problem values), so every exception escapes and
/// AFL records it as a crash.
/// Usage: Drydock.Fuzz TARGET            (under afl-fuzz, via SharpFuzz's out-of-process runner)
///        Drydock.Fuzz TARGET FILE...    (replays inputs without SharpFuzz and prints any exception's stack trace)
/// </summary>
public static class Program
{
    private static readonly string[] Targets = ["dockerfile", "makefile", "python", "tar", "log"];

    public static int Main(string[] args)
    {
        if (args.Length == 0 || Array.IndexOf(Targets, args[0]) < 0)
        {
            Console.Error.WriteLine($"usage: Drydock.Fuzz {string.Join('|', Targets)} [FILE...]");
            return 2;
        }

        Action<byte[]> target = TargetOf(args[0]);
        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream => target(ReadAll(stream)));
            return 0;
        }

        return Replay(target, args.Skip(1));
    }

    /// <summary>Runs each input once; prints one line per input and the full stack trace once per distinct crash site.</summary>
    private static int Replay(Action<byte[]> target, IEnumerable<string> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"ok     {file}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                string site = $"{e.GetType().Name} {FirstDrydockFrame(e)}";
                Console.WriteLine($"CRASH  {file}: {site}");
                if (seen.Add(site))
                {
                    Console.WriteLine(e);
                }
            }
        }

        Console.WriteLine($"{failures} crashing input(s), {seen.Count} distinct crash site(s)");
        return failures == 0 ? 0 : 1;
    }

    private static string FirstDrydockFrame(Exception e) =>
        e.StackTrace?.Split('\n').Select(frame => frame.Trim()).FirstOrDefault(frame => frame.StartsWith("at Drydock.", StringComparison.Ordinal) && !frame.StartsWith("at Drydock.Fuzz.", StringComparison.Ordinal))
        ?? "(no Drydock frame)";

    private static Action<byte[]> TargetOf(string name) => name switch
    {
        "dockerfile" => Dockerfile,
        "makefile" => Makefile,
        "python" => Python,
        "tar" => Tar,
        _ => Log(),
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Decodes like every file reader does; undecodable bytes are a reported input problem, not a crash.</summary>
    private static SourceText? Decode(byte[] bytes, string path) =>
        SourceReader.TryDecode(bytes, path, out var text, out _) ? text : null;

    /// <summary>The Dockerfile parser, then the lazily parsed shell scripts of RUN, CMD and ENTRYPOINT.</summary>
    private static void Dockerfile(byte[] bytes)
    {
        if (Decode(bytes, "Dockerfile") is not { } source)
        {
            return;
        }

        var document = DockerfileParser.Parse(source);
        foreach (var instruction in document.Instructions)
        {
            switch (instruction)
            {
                case RunInstruction run:
                    _ = run.CommandLines.Count;
                    break;
                case CommandInstruction command:
                    _ = command.Command.Script?.AllCommands().Count();
                    break;
            }
        }

        _ = document.Stages.Count;
    }

    private static void Makefile(byte[] bytes)
    {
        if (Decode(bytes, "Makefile") is { } source)
        {
            _ = MakefileParser.Parse(source);
        }
    }

    /// <summary>The tokenizer on its own (it is also called by the parser), then the statement parser.</summary>
    private static void Python(byte[] bytes)
    {
        if (Decode(bytes, "fuzz.py") is { } source)
        {
            _ = PyTokenizer.EncodingOf(source.Text);
            _ = PyTokenizer.Tokenize(source.Text);
            _ = PyParser.Parse(source.Text);
        }
    }

    /// <summary>Every entry header and every data byte; a malformed archive ends with <see cref="TarStreamReader.Problem"/> set.</summary>
    private static void Tar(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var reader = new TarStreamReader(stream);
        Span<byte> data = stackalloc byte[4096];
        while (reader.Next() is not null)
        {
            while (reader.ReadData(data) > 0)
            {
            }
        }
    }

    /// <summary>The diagnose scanner over an in-memory log; an unreadable log comes back as <see cref="LogScan.Problem"/>.</summary>
    /// <remarks>
    /// The scanner is built on the first input, not before <see cref="Fuzzer.OutOfProcess.Run(Action{Stream})"/>:
    /// instrumented code that runs before SharpFuzz maps AFL's coverage bitmap dies with an AccessViolationException.
    /// </remarks>
    private static Action<byte[]> Log()
    {
        LogScanner? scanner = null;
        return bytes =>
        {
            scanner ??= new LogScanner();
            _ = scanner.Scan(new LogInput { Path = "fuzz.log", JobName = "fuzz", Open = () => new MemoryStream(bytes, writable: false) });
        };
    }
}
