using Drydock.Image.Analysis;
using Drydock.Image.Model;
using Drydock.Image.Parsing;
using Drydock.Image.Tests.Support;

namespace Drydock.Image.Tests;

/// <summary>Layers merged as the OCI spec says, and waste counted without the kept copy.</summary>
public sealed class LayerTests
{
    private static FileSystemBuilder Build(params FixtureLayer[] layers)
    {
        var builder = new FileSystemBuilder((_, entry) => (entry.Mode & 0b001_001_001) != 0 ? 64 : 0);
        for (int i = 0; i < layers.Length; i++)
        {
            using var stream = new MemoryStream(layers[i].Tar());
            var reader = new TarStreamReader(stream);
            builder.Apply(i, reader);
            Assert.Null(reader.Problem);
        }

        return builder;
    }

    private static byte[] Bytes(int count) => new byte[count];

    [Fact]
    public void WhiteoutRemovesAFileAndCountsTheDeletedCopy()
    {
        var builder = Build(
            new FixtureLayer([LayerFile.Dir("app/"), new LayerFile("app/big.bin", Bytes(1000)), new LayerFile("app/keep.txt", Bytes(10))]),
            new FixtureLayer([new LayerFile("app/.wh.big.bin", [])]));
        Assert.Null(builder.FileSystem.Resolve("/app/big.bin").Node);
        Assert.NotNull(builder.FileSystem.Resolve("/app/keep.txt").Node);
        var waste = Assert.Single(builder.Waste);
        Assert.Equal(("/app/big.bin", 1000L, 0, 1), (waste.Path, waste.Bytes, waste.Layer, waste.RemovedBy));
        Assert.Equal(1010, builder.TotalFileBytes);
    }

    [Fact]
    public void OverwrittenFileCountsOnlyTheCopiesNotKept()
    {
        // Three copies of the same path: dive counts all three (issue #684); only the two hidden ones are waste.
        var builder = Build(
            new FixtureLayer([new LayerFile("data.bin", Bytes(100))]),
            new FixtureLayer([new LayerFile("data.bin", Bytes(200))]),
            new FixtureLayer([new LayerFile("data.bin", Bytes(300))]));
        Assert.Equal(300, builder.FileSystem.Resolve("/data.bin").Node!.Size);
        Assert.Equal(300, builder.Waste.Sum(copy => copy.Bytes));
        Assert.Equal(600, builder.TotalFileBytes);
    }

    [Fact]
    public void DeletedDirectoryCountsInFull()
    {
        var builder = Build(
            new FixtureLayer([LayerFile.Dir("cache/"), LayerFile.Dir("cache/pip/"), new LayerFile("cache/pip/a.whl", Bytes(500)), new LayerFile("cache/b", Bytes(50))]),
            new FixtureLayer([new LayerFile(".wh.cache", [])]));
        Assert.Null(builder.FileSystem.Resolve("/cache").Node);
        Assert.Equal(550, builder.Waste.Sum(copy => copy.Bytes));
    }

    [Fact]
    public void OpaqueDirectoryHidesLowerContentButKeepsItsOwnLayer()
    {
        // The opaque marker comes after the layer's own file in archive order: it must still only hide lower layers.
        var builder = Build(
            new FixtureLayer([LayerFile.Dir("etc/"), LayerFile.Dir("etc/app/"), new LayerFile("etc/app/old.conf", Bytes(30))]),
            new FixtureLayer([LayerFile.Dir("etc/app/"), new LayerFile("etc/app/new.conf", Bytes(40)), new LayerFile("etc/app/.wh..wh..opq", [])]));
        var directory = builder.FileSystem.Resolve("/etc/app").Node!;
        Assert.Equal(["new.conf"], directory.Children.Select(child => child.Name).ToArray());
        Assert.Equal(30, Assert.Single(builder.Waste).Bytes);
    }

    [Fact]
    public void HardLinkCopiesItsTargetAndAMissingTargetIsAProblem()
    {
        var builder = Build(
            new FixtureLayer([LayerFile.Exec("bin/tool", [0x7F, (byte)'E', (byte)'L', (byte)'F']), LayerFile.HardLink("bin/alias", "bin/tool"), LayerFile.HardLink("bin/ghost", "bin/nothing")]));
        var alias = builder.FileSystem.Resolve("/bin/alias").Node!;
        Assert.True(alias.IsExecutable);
        Assert.Equal(4, alias.Head!.Length);
        Assert.Equal(0, alias.StoredBytes);
        var problem = Assert.Single(builder.Problems);
        Assert.Equal(LayerProblemKind.HardLinkMissing, problem.Kind);
        Assert.Contains("bin/nothing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntriesThatClimbOutOfTheRootAreSkippedAndReported()
    {
        var builder = Build(new FixtureLayer([new LayerFile("../../etc/evil", Bytes(5)), new LayerFile("a/../../escape", Bytes(5)), new LayerFile("a/../fine", Bytes(5))]));
        Assert.Equal(2, builder.Problems.Count(p => p.Kind == LayerProblemKind.UnsafePath));
        Assert.NotNull(builder.FileSystem.Resolve("/fine").Node);
        Assert.Null(builder.FileSystem.Resolve("/etc/evil").Node);
    }

    [Fact]
    public void SymlinkedParentDirectoryIsFollowedWhenExtracting()
    {
        var builder = Build(
            new FixtureLayer([LayerFile.Dir("usr/"), LayerFile.Dir("usr/bin/"), LayerFile.Symlink("bin", "usr/bin")]),
            new FixtureLayer([LayerFile.Exec("bin/tool", [1, 2, 3])]));
        Assert.NotNull(builder.FileSystem.Resolve("/usr/bin/tool").Node);
        Assert.Equal(FsNodeKind.Symlink, builder.FileSystem.Resolve("/bin", followFinal: false).Node!.Kind);
    }

    [Fact]
    public void HeadsAreCappedInTotal()
    {
        var builder = new FileSystemBuilder((_, _) => 100, maxHeadBytes: 150);
        using var stream = new MemoryStream(new FixtureLayer([LayerFile.Exec("a", Bytes(200)), LayerFile.Exec("b", Bytes(200))]).Tar());
        builder.Apply(0, new TarStreamReader(stream));
        Assert.NotNull(builder.FileSystem.Resolve("/a").Node!.Head);
        Assert.Null(builder.FileSystem.Resolve("/b").Node!.Head);
        Assert.True(builder.HeadsTruncated);
    }
}
