using System.Globalization;
using System.Text;
using Drydock.Knowledge;

namespace Drydock.Debian.Index;

public sealed partial class PackageIndex
{

    private static PackageIndex Parse(byte[] file)
    {
        var span = file.AsSpan();
        int position = 0;
        int format = 0;
        string updated = "";
        var releases = new List<DebianRelease>();
        var blocks = new List<BlockEntry>();
        bool sawArches = false;
        while (true)
        {
            int newline = span[position..].IndexOf((byte)'\n');
            if (newline < 0 || newline > 4096)
            {
                throw new KnowledgeException($"{ResourceName}: the header has no '---' line");
            }

            string line = Encoding.UTF8.GetString(span.Slice(position, newline));
            position += newline + 1;
            if (line == "---")
            {
                break;
            }

            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.Length > 0 ? words[0] : "")
            {
                case "drydock-debian-index" when words.Length == 2 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out format):
                    if (format != SupportedFormat)
                    {
                        throw new KnowledgeException($"{ResourceName}: format {format}, this Drydock reads format {SupportedFormat}");
                    }

                    break;
                case "updated" when words.Length == 2:
                    updated = words[1];
                    break;
                case "arches":
                    if (!words.AsSpan(1).SequenceEqual([.. ArchSet.Names]))
                    {
                        throw new KnowledgeException($"{ResourceName}: architectures '{string.Join(' ', words.Skip(1))}' differ from {string.Join(' ', ArchSet.Names)}");
                    }

                    sawArches = true;
                    break;
                case "release" when words.Length == 6 && int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                                                     && int.TryParse(words[5], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int mask):
                    releases.Add(new DebianRelease(words[1], major, words[3], words[4], new ArchSet(mask)) { Column = releases.Count });
                    break;
                case "block" when words.Length == 5
                                  && int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
                                  && int.TryParse(words[3], NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
                                  && int.TryParse(words[4], NumberStyles.None, CultureInfo.InvariantCulture, out int length):
                    blocks.Add(new BlockEntry(Encoding.UTF8.GetBytes(words[1]), rows, offset, length));
                    break;
                default:
                    throw new KnowledgeException($"{ResourceName}: unexpected header line '{line}'");
            }
        }

        if (format == 0 || updated.Length == 0 || !sawArches || releases.Count == 0 || blocks.Count == 0)
        {
            throw new KnowledgeException($"{ResourceName}: the header needs a format, an 'updated' date, 'arches', a 'release' and a 'block'");
        }

        int payload = file.Length - position;
        var entries = blocks.Select(block => block with { Offset = block.Offset + position }).ToArray();
        if (blocks.Any(block => block.Offset < 0 || block.Length <= 0 || (long)block.Offset + block.Length > payload))
        {
            throw new KnowledgeException($"{ResourceName}: a block lies outside the file");
        }

        return new PackageIndex(file, entries, format, updated, releases);
    }

    /// <summary>A cell: component letter, real mask (hex), optional "+provided mask", optional ":providers".</summary>
    internal static PackageRecord ParseCell(string name, ReadOnlySpan<byte> cell)
    {
        var component = cell[0] switch
        {
            (byte)'m' => PackageComponent.Main,
            (byte)'c' => PackageComponent.Contrib,
            (byte)'n' => PackageComponent.NonFree,
            (byte)'f' => PackageComponent.NonFreeFirmware,
            (byte)'v' => PackageComponent.None,
            _ => throw new KnowledgeException($"{ResourceName}: '{name}' has an unknown component letter '{(char)cell[0]}'"),
        };
        int index = 1;
        int first = ReadHex(cell, ref index, name);
        int provided = 0;
        if (index < cell.Length && cell[index] == (byte)'+')
        {
            index++;
            provided = ReadHex(cell, ref index, name);
        }

        IReadOnlyList<string> providers = [];
        int more = 0;
        if (index < cell.Length && cell[index] == (byte)':')
        {
            var list = new List<string>();
            foreach (string item in Encoding.UTF8.GetString(cell[(index + 1)..]).Split(','))
            {
                if (item.StartsWith('+'))
                {
                    more = int.Parse(item.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
                }
                else if (item.Length > 0)
                {
                    list.Add(item);
                }
            }

            providers = list;
        }

        return component == PackageComponent.None
            ? new PackageRecord(name, component, ArchSet.None, new ArchSet(first), providers, more)
            : new PackageRecord(name, component, new ArchSet(first), new ArchSet(provided), providers, more);
    }

    private static int ReadHex(ReadOnlySpan<byte> cell, ref int index, string name)
    {
        int value = 0;
        int start = index;
        while (index < cell.Length && HexValue(cell[index]) is int digit and >= 0)
        {
            value = (value << 4) | digit;
            index++;
        }

        return index == start
            ? throw new KnowledgeException($"{ResourceName}: '{name}' has a cell without an architecture mask")
            : value;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
