using System.Reflection;
using System.Text.Json;
using Drydock.Compose.Validation;
using Drydock.Knowledge;
using Drydock.Testing;

namespace Drydock.Compose.Tests;

public sealed class ShapeTests
{
    /// <summary>Drydock definition -> where the same object is in the official compose-spec.json.</summary>
    private static readonly Dictionary<string, string> SpecPointers = new()
    {
        ["top"] = "",
        ["include"] = "/definitions/include/oneOf/1",
        ["service"] = "/definitions/service",
        ["build"] = "/definitions/service/properties/build/oneOf/1",
        ["healthcheck"] = "/definitions/healthcheck",
        ["depends_on_entry"] = "/definitions/service/properties/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$",
        ["port"] = "/definitions/service/properties/ports/items/oneOf/2",
        ["mount"] = "/definitions/service/properties/volumes/items/oneOf/1",
        ["mount_bind"] = "/definitions/service/properties/volumes/items/oneOf/1/properties/bind",
        ["mount_volume"] = "/definitions/service/properties/volumes/items/oneOf/1/properties/volume",
        ["mount_tmpfs"] = "/definitions/service/properties/volumes/items/oneOf/1/properties/tmpfs",
        ["mount_image"] = "/definitions/service/properties/volumes/items/oneOf/1/properties/image",
        ["service_network"] = "/definitions/service/properties/networks/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/oneOf/0",
        ["service_model"] = "/definitions/service/properties/models/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$",
        ["service_grant"] = "/definitions/service_config_or_secret/items/oneOf/1",
        ["service_hook"] = "/definitions/service_hook",
        ["extends"] = "/definitions/service/properties/extends/oneOf/1",
        ["env_file_entry"] = "/definitions/env_file/oneOf/1/items/oneOf/1",
        ["logging"] = "/definitions/service/properties/logging",
        ["credential_spec"] = "/definitions/service/properties/credential_spec",
        ["provider"] = "/definitions/service/properties/provider",
        ["ulimit"] = "/definitions/ulimits/patternProperties/^[a-z]+$/oneOf/1",
        ["blkio_config"] = "/definitions/service/properties/blkio_config",
        ["blkio_limit"] = "/definitions/blkio_limit",
        ["blkio_weight"] = "/definitions/blkio_weight",
        ["device_mapping"] = "/definitions/service/properties/devices/items/oneOf/1",
        ["device_request"] = "/definitions/devices/items",
        ["gpu_request"] = "/definitions/gpus/oneOf/1/items",
        ["deploy"] = "/definitions/deployment",
        ["deploy_update"] = "/definitions/deployment/properties/update_config",
        ["deploy_resources"] = "/definitions/deployment/properties/resources",
        ["deploy_limits"] = "/definitions/deployment/properties/resources/properties/limits",
        ["deploy_reservations"] = "/definitions/deployment/properties/resources/properties/reservations",
        ["deploy_restart_policy"] = "/definitions/deployment/properties/restart_policy",
        ["deploy_placement"] = "/definitions/deployment/properties/placement",
        ["develop"] = "/definitions/development",
        ["watch"] = "/definitions/development/properties/watch/items",
        ["network"] = "/definitions/network",
        ["ipam"] = "/definitions/network/properties/ipam",
        ["ipam_config"] = "/definitions/network/properties/ipam/properties/config/items",
        ["external"] = "/definitions/network/properties/external",
        ["volume"] = "/definitions/volume",
        ["secret"] = "/definitions/secret",
        ["config"] = "/definitions/config",
        ["model"] = "/definitions/model",
    };

    [Fact]
    public void Every_object_definition_agrees_with_the_official_schema_on_every_key()
    {
        using var official = JsonDocument.Parse(File.ReadAllText(RepoRoot.Shared("schemas", "compose-spec.json")));
        var schema = ComposeSchema.Default;
        var differences = new List<string>();
        foreach (var definition in schema.Definitions.Values.Where(definition => definition.IsObject))
        {
            if (!SpecPointers.TryGetValue(definition.Name, out string? pointer))
            {
                differences.Add($"{definition.Name}: no pointer into the official schema (add one to SpecPointers)");
                continue;
            }

            var node = Resolve(official.RootElement, pointer);
            var officialKeys = node.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(property => property.Name).ToHashSet() : [];
            var ours = definition.Keys!.Keys.ToHashSet();
            differences.AddRange(officialKeys.Except(ours).Select(key => $"{definition.Name}: missing key '{key}' ({pointer})"));
            differences.AddRange(ours.Except(officialKeys).Select(key => $"{definition.Name}: key '{key}' is not in the official schema ({pointer})"));
            bool officialAllowsExtensions = node.TryGetProperty("patternProperties", out var patterns) && patterns.TryGetProperty("^x-", out _);
            if (officialAllowsExtensions != definition.AllowsExtensions)
            {
                differences.Add($"{definition.Name}: x- extensions {(definition.AllowsExtensions ? "allowed" : "refused")} here but {(officialAllowsExtensions ? "allowed" : "refused")} by the official schema");
            }

            var officialRequired = node.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(item => item.GetString()!).ToHashSet() : [];
            if (!officialRequired.SetEquals(definition.Required) && definition.Name != "depends_on_entry")
            {
                differences.Add($"{definition.Name}: required [{string.Join(", ", definition.Required)}] vs official [{string.Join(", ", officialRequired)}]");
            }
        }

        foreach (var enumeration in schema.Definitions.Values.Where(definition => definition.IsEnum))
        {
            Assert.NotEmpty(enumeration.EnumValues!);
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Enumerations_agree_with_the_official_schema()
    {
        using var official = JsonDocument.Parse(File.ReadAllText(RepoRoot.Shared("schemas", "compose-spec.json")));
        var root = official.RootElement;
        var schema = ComposeSchema.Default;
        void Same(string definition, string pointer) =>
            Assert.Equal(
                Resolve(root, pointer).GetProperty("enum").EnumerateArray().Select(item => item.GetString()).Order(),
                schema.Definition(definition).EnumValues!.Order());
        Same("dependency_condition", "/definitions/service/properties/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/properties/condition");
        Same("mount_type", "/definitions/service/properties/volumes/items/oneOf/1/properties/type");
        Same("cgroup_mode", "/definitions/service/properties/cgroup");
        Same("watch_action", "/definitions/development/properties/watch/items/properties/action");
        Same("deploy_order", "/definitions/deployment/properties/update_config/properties/order");
    }

    [Fact]
    public void Knowledge_files_have_their_shape()
    {
        var assembly = typeof(ComposeAnalyzer).Assembly;
        Assert.Equal(["compose-defaults.json", "compose-spec-keys.json"], KnowledgeFile.EmbeddedFiles(assembly).Order(StringComparer.Ordinal));
        var knowledge = ComposeKnowledge.Default;
        Assert.True(knowledge.DefaultInterval > TimeSpan.Zero && knowledge.DefaultTimeout > TimeSpan.Zero && knowledge.DefaultRetries > 0);
        Assert.True(knowledge.MinimumStartWindow > TimeSpan.Zero);
        Assert.Contains("/var/run/docker.sock", knowledge.DockerSockets);
        Assert.Contains("latest", knowledge.MutableTags);
        Assert.All(knowledge.OfficialImages, image => Assert.Matches("^[a-z0-9][a-z0-9._-]*$", image));
        Assert.DoesNotContain("UID", knowledge.EnvironmentVariables);
        Assert.NotNull(ComposeSchema.Default.Definition("service").Keys);
    }

    [Fact]
    public void Analyzer_lists_every_rule_class_once_with_ids_in_its_range()
    {
        var ruleTypes = typeof(ComposeAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(IComposeRule).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .ToHashSet();
        var listed = ComposeAnalyzer.RuleInstances.Select(rule => rule.GetType()).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.True(ruleTypes.SetEquals(listed), "not listed: " + string.Join(", ", ruleTypes.Except(listed).Select(type => type.Name)));
        foreach (var type in ruleTypes)
        {
            var field = type.GetField("Descriptor", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(field);
            var descriptor = (Findings.RuleDescriptor)field.GetValue(null)!;
            Assert.Matches("^DC0[0-4][0-9]$", descriptor.Id);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", descriptor.Name);
        }

        Assert.Equal(ComposeAnalyzer.RuleInstances.Count, new ComposeAnalyzer().Rules.Select(rule => rule.Id).Distinct().Count());
    }

    private static JsonElement Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (string part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.ValueKind == JsonValueKind.Array ? current[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : current.GetProperty(part);
        }

        return current;
    }
}
