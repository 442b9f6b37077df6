using Drydock.Compose.Model;
using Drydock.Compose.Parsing;

namespace Drydock.Compose.Tests;

public sealed class ParsingTests
{
    private static readonly Dictionary<string, string> Env = new() { ["SET"] = "value", ["EMPTY"] = "" };

    private static string? Lookup(string name) => Env.TryGetValue(name, out var value) ? value : null;

    [Theory]
    [InlineData("$SET", "value")]
    [InlineData("${SET}", "value")]
    [InlineData("${UNSET}", "")]
    [InlineData("${UNSET:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${UNSET-fallback}", "fallback")]
    [InlineData("${SET:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("$$SET", "$SET")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("${UNSET:-${SET}}", "value")]
    [InlineData("${UNSET:-${ALSO_UNSET:-deep}}", "deep")]
    [InlineData("a $ b", "a $ b")]
    public void Interpolation_follows_the_compose_specification(string template, string expected)
    {
        Assert.Equal(expected, Interpolation.Interpolate(template, Lookup).Value);
    }

    [Fact]
    public void Interpolation_reports_references_with_operators_and_offsets()
    {
        var result = Interpolation.Interpolate("x ${A:?need A} $B ${C:-1}", Lookup);
        Assert.Equal(["A", "B", "C"], result.References.Select(reference => reference.Name));
        Assert.Equal(InterpolationOperator.ErrorIfUnsetOrEmpty, result.References[0].Operator);
        Assert.True(result.References[0].IsDeclaredRequired);
        Assert.Equal(2, result.References[0].Start);
        Assert.Equal(12, result.References[0].Length);
        Assert.False(result.References[1].HasFallback);
        Assert.True(result.References[2].HasFallback);
        Assert.Contains("required variable A is missing a value: need A", result.Errors);
    }

    [Theory]
    [InlineData("${")]
    [InlineData("${A")]
    [InlineData("${1A}")]
    [InlineData("${A!x}")]
    public void Interpolation_reports_invalid_templates_without_throwing(string template)
    {
        Assert.NotEmpty(Interpolation.Interpolate(template, Lookup).Errors);
    }

    [Fact]
    public void DotEnv_reads_quotes_exports_and_comments()
    {
        var entries = DotEnvParser.Parse("# c\nA=1\nexport B = two # note\nC='lit $X'\nD=\"multi\nline\\t!\"\nE\n=bad\n");
        Assert.Equal(["A", "B", "C", "D", "E"], entries.Select(entry => entry.Name));
        Assert.Equal("two", entries[1].Value);
        Assert.Equal("lit $X", entries[2].Value);
        Assert.Equal("multi\nline\t!", entries[3].Value);
        Assert.Equal("", entries[4].Value);
        Assert.Equal(3, entries[1].Line);
    }

    [Theory]
    [InlineData("3000", null, null, "3000", "tcp")]
    [InlineData("8080:80", null, "8080", "80", "tcp")]
    [InlineData("9090-9091:8080-8081", null, "9090-9091", "8080-8081", "tcp")]
    [InlineData("127.0.0.1:8001:8001", "127.0.0.1", "8001", "8001", "tcp")]
    [InlineData("127.0.0.1::5000", "127.0.0.1", null, "5000", "tcp")]
    [InlineData("[::1]:6000:6000", "::1", "6000", "6000", "tcp")]
    [InlineData("6060:6060/udp", null, "6060", "6060", "udp")]
    [InlineData("3000-3005", null, null, "3000-3005", "tcp")]
    public void Short_port_syntax_parses(string text, string? ip, string? host, string container, string protocol)
    {
        Assert.True(PortSyntax.TryParseShort(text, out var mapping, out string? error), error);
        Assert.Equal(ip, mapping!.HostIp);
        Assert.Equal(host, mapping.Host?.ToString());
        Assert.Equal(container, mapping.Container.ToString());
        Assert.Equal(protocol, mapping.Protocol);
    }

    [Theory]
    [InlineData("80:80:80:80")]
    [InlineData("http")]
    [InlineData("70000:80")]
    [InlineData("8080:80/icmp")]
    [InlineData("8000-8002:9000-9001")]
    [InlineData("9001-9000:80")]
    public void Bad_port_syntax_is_an_error(string text)
    {
        Assert.False(PortSyntax.TryParseShort(text, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("10s", 10)]
    [InlineData("1m30s", 90)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("0", 0)]
    public void Durations_parse_like_go(string text, double seconds)
    {
        Assert.True(ComposeDuration.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("ten seconds")]
    [InlineData("5d")]
    [InlineData("")]
    public void Bad_durations_do_not_parse(string text) => Assert.False(ComposeDuration.TryParse(text, out _));

    [Fact]
    public void Proc_net_tcp_lists_listening_sockets_in_both_families()
    {
        const string tcp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:18EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 48213 1 0000000000000000 100 0 0 10 0
               1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1234 1 0000000000000000 100 0 0 10 0
               2: 0100007F:1F91 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 999 1 0000000000000000 100 0 0 10 0
               garbage line
            """;
        const string tcp6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:1F43 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5555 1 0000000000000000 100 0 0 10 0
               1: 00000000000000000000000001000000:0CEA 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 7777 1 0000000000000000 100 0 0 10 0
            """;
        var v4 = ProcNetTcp.ParseListening(tcp);
        Assert.Equal(2, v4.Count);
        Assert.Equal("127.0.0.1", v4[0].Address.ToString());
        Assert.Equal(6379, v4[0].Port);
        Assert.Equal(48213, v4[0].Inode);
        Assert.Equal(999, v4[0].Uid);
        Assert.True(v4[1].IsWildcard);
        Assert.Equal(8080, v4[1].Port);

        var v6 = ProcNetTcp.ParseListening(tcp6);
        Assert.Equal(2, v6.Count);
        Assert.True(v6[0].IsWildcard);
        Assert.Equal(8003, v6[0].Port);
        Assert.Equal("::1", v6[1].Address.ToString());
        Assert.Equal("[::1]:3306 (uid 1000, inode 7777)", v6[1].ToString());
    }

    [Theory]
    [InlineData("redis", null, "redis", null, null)]
    [InlineData("redis:7.2", null, "redis", "7.2", null)]
    [InlineData("ghcr.io/acme/api:1.0", "ghcr.io", "acme/api", "1.0", null)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", null, null)]
    [InlineData("docker.io/library/nginx:1.27", null, "nginx", "1.27", null)]
    [InlineData("postgres@sha256:abc", null, "postgres", null, "sha256:abc")]
    public void Image_names_split_like_the_engine(string text, string? registry, string repository, string? tag, string? digest)
    {
        Assert.Equal(new ImageName(registry, repository, tag, digest), ImageName.Parse(text));
    }

    [Fact]
    public void Command_strings_split_into_words_without_a_shell()
    {
        Assert.Equal(["python", "-m", "app", "--name", "a b", "it's"], ShellWords.Split("python -m app --name \"a b\" it\\'s"));
        Assert.Equal(["sh", "-c", "echo $HOME && exit 1"], ShellWords.Split("sh -c 'echo $HOME && exit 1'"));
    }

    [Theory]
    [InlineData("deployment", "..", "")]
    [InlineData("deployment", "../src", "src")]
    [InlineData("", "./a/./b/../c", "a/c")]
    [InlineData("", "..", null)]
    [InlineData("", "~/x", null)]
    public void Repository_paths_resolve_relative_to_the_file(string directory, string path, string? expected)
    {
        Assert.Equal(expected, RepoPath.Resolve(directory, path));
    }
}
