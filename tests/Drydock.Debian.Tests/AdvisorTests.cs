using Drydock.Debian.Advice;
using Drydock.Debian.Index;

namespace Drydock.Debian.Tests;

public sealed class AdvisorTests
{
    private static readonly ArchSet MultiArch = ArchSet.Of("amd64", "arm64");

    [Fact]
    public void Field_case_a_libav_packages_get_the_release_names()
    {
        var check = PackageAdvisor.Shared.Check("bookworm", "libavcodec58", MultiArch);
        Assert.Equal(PackageVerdict.Missing, check.Verdict);
        Assert.Equal("Debian bookworm has no package libavcodec58 (it is bullseye's name)", check.Message);
        Assert.StartsWith("install libavcodec59 instead", check.Advice, StringComparison.Ordinal);
        Assert.Equal(MultiArch, check.MissingOn);
    }

    [Fact]
    public void Chrome_without_its_repository_says_where_it_comes_from()
    {
        var check = PackageAdvisor.Shared.Check("bookworm", "google-chrome-stable", ArchSet.Of("amd64", "arm64", "armhf"));
        Assert.Equal(PackageVerdict.ThirdPartyNotConfigured, check.Verdict);
        Assert.Contains("dl.google.com/linux/chrome", check.Message, StringComparison.Ordinal);
        Assert.Contains("no armhf packages", check.Message, StringComparison.Ordinal);
        Assert.Contains("TARGETARCH is amd64 or arm64", check.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sources_line_limited_to_amd64_fails_the_arm64_build()
    {
        var sources = AptSources.FromText(
            ["curl -fsSL https://dl.google.com/linux/linux_signing_key.pub | gpg --dearmor -o /etc/apt/keyrings/google.gpg",
             "echo \"deb [arch=amd64 signed-by=/etc/apt/keyrings/google.gpg] http://dl.google.com/linux/chrome/deb/ stable main\" > /etc/apt/sources.list.d/google-chrome.list"],
            ThirdPartyCatalog.Shared);
        var check = PackageAdvisor.Shared.Check("bookworm", "google-chrome-stable", MultiArch, sources);
        Assert.Equal(PackageVerdict.ThirdPartyMissingArchitectures, check.Verdict);
        Assert.Equal(ArchSet.Arm64, check.MissingOn);
        Assert.Contains("[arch=amd64]", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_named_in_the_same_command_settles_a_virtual_name()
    {
        var alone = PackageAdvisor.Shared.Check("bookworm", "netcat", ArchSet.Amd64);
        var chosen = PackageAdvisor.Shared.Check("bookworm", "netcat", ArchSet.Amd64, sameCommand: ["netcat-openbsd", "netcat"]);
        Assert.True(alone.IsProblem);
        Assert.Equal(PackageVerdict.Virtual, chosen.Verdict);
    }

    [Fact]
    public void A_package_moved_to_non_free_firmware_names_the_component_and_the_move()
    {
        var check = PackageAdvisor.Shared.Check("bookworm", "firmware-misc-nonfree", ArchSet.Amd64);
        Assert.Equal(PackageComponent.NonFreeFirmware, check.Component);
        Assert.Contains("non-free-firmware component (it was in non-free in bullseye)", check.Message, StringComparison.Ordinal);
        Assert.Contains("Components: main non-free-firmware", check.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arch_only_package_names_where_it_exists()
    {
        var check = PackageAdvisor.Shared.Check("bookworm", "libc6-i386", MultiArch);
        Assert.Equal(PackageVerdict.MissingOnSomeArchitectures, check.Verdict);
        Assert.Equal(ArchSet.Arm64, check.MissingOn);
        Assert.Equal("Debian bookworm has libc6-i386 for amd64 but not for arm64, which this build targets", check.Message);
    }

    [Fact]
    public void Where_is_lists_every_release_that_has_a_name()
    {
        var found = PackageAdvisor.Shared.WhereIs("libavcodec59");
        Assert.Equal(["bookworm"], found.Select(item => item.Release.Codename));
        Assert.Empty(PackageAdvisor.Shared.WhereIs("google-chrome-stable"));
    }

    [Theory]
    [InlineData("libavcodec58", "libavcodec", "58", "")]
    [InlineData("libboost-python1.74-dev", "libboost-python", "1.74", "-dev")]
    [InlineData("libssl1.1", "libssl", "1.1", "")]
    [InlineData("libglib2.0-0t64", "libglib2.0-", "0", "")]
    [InlineData("python3.11-dev", "python", "3.11", "-dev")]
    public void Names_split_into_stem_version_and_suffix(string name, string stem, string version, string suffix)
    {
        Assert.Equal((stem, version, suffix), NearestNames.SplitVersion(name));
    }

    [Fact]
    public void Names_without_a_version_do_not_split()
    {
        Assert.Null(NearestNames.SplitVersion("curl"));
        Assert.Null(NearestNames.SplitVersion("ca-certificates"));
        Assert.Equal(("python", "3", "-distutils-extra"), NearestNames.SplitVersion("python3-distutils-extra"));
    }

    [Fact]
    public void Platforms_map_to_debian_architectures()
    {
        Assert.Equal(ArchSet.Of("amd64", "arm64", "armhf", "armel", "ppc64el"), ArchSet.FromPlatforms(["linux/amd64", "linux/arm64/v8", "linux/arm/v7", "linux/arm/v6", "linux/ppc64le", "windows/amd64x"]));
        Assert.Throws<ArgumentException>(() => ArchSet.Of("sparc"));
        Assert.Equal("amd64, arm64", MultiArch.ToString());
    }
}
