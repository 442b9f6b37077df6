using System.IO.Compression;
using System.Text;
using Drydock.Debian.Index;
using Drydock.Knowledge;

namespace Drydock.Debian.Tests;

public sealed class IndexShapeTests
{
    private static readonly PackageIndex Index = PackageIndex.Shared;

    [Fact]
    public void Header_names_the_format_the_date_and_the_releases()
    {
        Assert.Equal(PackageIndex.SupportedFormat, Index.Format);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Index.Updated);
        string[] codenames = [.. Index.Releases.Select(release => release.Codename)];
        Assert.Equal(["bullseye", "bookworm", "trixie"], codenames);
        Assert.Equal([11, 12, 13], Index.Releases.Select(release => release.Major));
        foreach (var release in Index.Releases)
        {
            Assert.True(ArchSet.Of("amd64", "arm64").IsSubsetOf(release.Architectures), $"{release.Codename} lacks amd64 or arm64");
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", release.IndexDate);
        }

        Assert.True(Index.Release("trixie")!.Architectures.Contains("riscv64"));
        Assert.InRange(Index.Count, 100_000, 400_000);
    }

    [Fact]
    public void Rows_are_sorted_unique_and_every_cell_parses()
    {
        byte[]? previous = null;
        int rows = 0;
        foreach (var (name, line) in Index.Rows())
        {
            byte[] current = Encoding.UTF8.GetBytes(name);
            Assert.True(previous is null || previous.AsSpan().SequenceCompareTo(current) < 0, $"'{name}' is out of order or repeated");
            Assert.Equal(Index.Releases.Count + 1, line.Split('\t').Length);
            previous = current;
            rows++;
        }

        Assert.Equal(Index.Count, rows);
        foreach (var release in Index.Releases)
        {
            // Parsing every cell of a few thousand rows proves the encoding; names with digits, dots and pluses included.
            foreach (var record in Index.WithPrefix(release, "lib").Take(5000))
            {
                Assert.False(record.InstallableArchitectures.IsEmpty);
                Assert.True(record.InstallableArchitectures.IsSubsetOf(release.Architectures), $"{record.Name} in {release.Codename} names an architecture the release lacks");
                Assert.Equal(record.IsVirtualOnly, record.Component == PackageComponent.None);
            }
        }
    }

    [Fact]
    public void Essential_packages_are_in_every_release_on_every_architecture()
    {
        foreach (var release in Index.Releases)
        {
            foreach (string name in new[] { "bash", "coreutils", "apt", "ca-certificates", "curl" })
            {
                var record = Index.Find(release, name);
                Assert.NotNull(record);
                Assert.Equal(PackageComponent.Main, record.Component);
                Assert.Equal(release.Architectures, record.RealArchitectures);
            }
        }
    }

    [Fact]
    public void Each_release_has_its_own_ffmpeg_soname()
    {
        var expected = new Dictionary<string, string> { ["bullseye"] = "libavcodec58", ["bookworm"] = "libavcodec59", ["trixie"] = "libavcodec61" };
        foreach (var release in Index.Releases)
        {
            foreach (string soname in expected.Values)
            {
                bool present = Index.Find(release, soname) is not null;
                Assert.Equal(expected[release.Codename] == soname, present);
            }
        }
    }

    [Fact]
    public void An_arch_only_package_is_recorded_for_its_architectures_only()
    {
        var record = Index.Find(Index.Release("bookworm")!, "libc6-i386");
        Assert.NotNull(record);
        Assert.True(record.RealArchitectures.Contains("amd64"));
        Assert.False(record.RealArchitectures.Contains("arm64"));
    }

    [Fact]
    public void Firmware_moved_from_non_free_to_non_free_firmware_in_bookworm()
    {
        Assert.Equal(PackageComponent.NonFree, Index.Find(Index.Release("bullseye")!, "firmware-misc-nonfree")!.Component);
        Assert.Equal(PackageComponent.NonFreeFirmware, Index.Find(Index.Release("bookworm")!, "firmware-misc-nonfree")!.Component);
    }

    [Fact]
    public void A_virtual_name_keeps_its_providers()
    {
        var record = Index.Find(Index.Release("trixie")!, "libssl3");
        Assert.NotNull(record);
        Assert.True(record.IsVirtualOnly);
        Assert.Equal(["libssl3t64"], record.Providers);
        Assert.Null(Index.Find(Index.Release("trixie")!, "no-such-package"));
        Assert.Null(Index.Find(Index.Release("trixie")!, ""));
    }

    [Fact]
    public void Blocks_cover_the_rows_in_order()
    {
        var table = Index.BlockTable().ToList();
        Assert.True(table.Count > 10, "the rows should be split into many blocks");
        Assert.Equal(Index.Count, table.Sum(block => block.Rows));
        Assert.Equal("0ad", table[0].FirstName);
    }

    [Fact]
    public void Garbage_is_a_knowledge_error_not_a_crash()
    {
        Assert.Throws<KnowledgeException>(() => PackageIndex.Load(new MemoryStream([0x00, 0x01, 0x02, 0xff])));
        Assert.Throws<KnowledgeException>(() => PackageIndex.Load(new MemoryStream()));
        Assert.Throws<KnowledgeException>(() => Load("drydock-debian-index 99\nupdated 2026-01-01\n---\n"));
        Assert.Throws<KnowledgeException>(() => Load("drydock-debian-index 2\nupdated 2026-01-01\narches amd64\nrelease x 1 1 2026-01-01 1\n---\n"));
        Assert.Throws<KnowledgeException>(() => Load("drydock-debian-index 2\nupdated 2026-01-01\n"));
        Assert.Throws<KnowledgeException>(() => Load(Header + "block aa 1 0 500\n---\nxx"));
        var corrupt = Load(Header + "block aa 1 0 4\n---\nxxxx");
        Assert.Throws<KnowledgeException>(() => corrupt.Find(corrupt.Release("bookworm")!, "aa"));
    }

    [Fact]
    public void A_small_index_round_trips()
    {
        var index = Build(["aa\tm3", "bb\tv2:aa", "cc\tc1+2", "dd\tm1", "de\tm2"], rowsPerBlock: 2);
        var release = index.Release("bookworm")!;
        Assert.Equal(5, index.Count);
        Assert.Equal(ArchSet.Of("amd64", "arm64"), index.Find(release, "aa")!.RealArchitectures);
        Assert.True(index.Find(release, "bb")!.IsVirtualOnly);
        Assert.Equal(["aa"], index.Find(release, "bb")!.Providers);
        Assert.Equal(PackageComponent.Contrib, index.Find(release, "cc")!.Component);
        Assert.Equal(ArchSet.Arm64, index.Find(release, "cc")!.ProvidedArchitectures);
        Assert.Null(index.Find(release, "a"));
        Assert.Null(index.Find(release, "zz"));
        Assert.Equal(["dd", "de"], index.WithPrefix(release, "d").Select(record => record.Name));
        Assert.Equal(["cc", "dd", "de"], index.WithPrefix(release, "").Skip(2).Select(record => record.Name));
        var broken = Build(["aa\tx3"], rowsPerBlock: 1);
        Assert.Throws<KnowledgeException>(() => broken.Find(broken.Release("bookworm")!, "aa"));
    }

    private static readonly string Header =
        $"drydock-debian-index 2\nupdated 2026-01-02\narches {string.Join(' ', ArchSet.Names)}\nrelease bookworm 12 12.1 2026-01-01 3\n";

    private static PackageIndex Load(string text) => PackageIndex.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes a format-2 index the way build_index.py does: header, block table, zlib blocks.</summary>
    private static PackageIndex Build(string[] rows, int rowsPerBlock)
    {
        var header = new StringBuilder(Header);
        var payload = new MemoryStream();
        for (int start = 0; start < rows.Length; start += rowsPerBlock)
        {
            string[] chunk = rows[start..Math.Min(rows.Length, start + rowsPerBlock)];
            var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(Encoding.UTF8.GetBytes(string.Concat(chunk.Select(row => row + "\n"))));
            }

            header.Append(System.Globalization.CultureInfo.InvariantCulture, $"block {chunk[0].Split('\t')[0]} {chunk.Length} {payload.Length} {compressed.Length}\n");
            payload.Write(compressed.ToArray());
        }

        header.Append("---\n");
        return PackageIndex.Load(new MemoryStream([.. Encoding.UTF8.GetBytes(header.ToString()), .. payload.ToArray()]));
    }
}
