using System.Text;

namespace Drydock.Cli.Commands;

/// <summary>Where a report goes (stdout or --output FILE), and whether colour and progress make sense there.</summary>
internal sealed class ReportTarget : IDisposable
{
    private readonly Stream stream;
    private readonly bool ownsStream;

    private ReportTarget(Stream stream, bool ownsStream, bool isTerminal)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        IsTerminal = isTerminal;
        Writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n", AutoFlush = false };
    }

    public bool IsTerminal { get; }

    public TextWriter Writer { get; }

    public Stream Stream
    {
        get
        {
            Writer.Flush();
            return stream;
        }
    }

    public static ReportTarget Open(string? outputPath)
    {
        if (string.IsNullOrEmpty(outputPath) || outputPath == "-")
        {
            return new ReportTarget(Console.OpenStandardOutput(), ownsStream: false, isTerminal: !Console.IsOutputRedirected);
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return new ReportTarget(File.Create(outputPath), ownsStream: true, isTerminal: false);
    }

    public bool UseColor(bool noColorOption) =>
        IsTerminal && !noColorOption && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Dispose()
    {
        Writer.Flush();
        Writer.Dispose();
        stream.Flush();
        if (ownsStream)
        {
            stream.Dispose();
        }
    }
}
