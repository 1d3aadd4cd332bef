using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>
/// Asserts that a model, written back to JSON, still holds every property of the recorded body with the same value,
/// and adds nothing but nulls: nothing the server sent was lost or changed on the way through the client.
/// </summary>
internal static class JsonFidelity
{
    public static void AssertNoFieldLost(JsonNode? recorded, JsonNode? produced, string path = "$", bool nullEqualsEmptyArray = false)
    {
        if (recorded is null)
        {
            Assert.True(produced is null || (nullEqualsEmptyArray && produced is JsonArray { Count: 0 }), $"{path}: recorded null, produced {produced?.ToJsonString()}");
            return;
        }

        switch (recorded)
        {
            case JsonObject recordedObject:
                var producedObject = Assert.IsType<JsonObject>(produced, exactMatch: false);
                foreach (var (name, value) in recordedObject)
                {
                    Assert.True(producedObject.ContainsKey(name), $"{path}.{name}: present in the recorded body but lost by the model");
                    AssertNoFieldLost(value, producedObject[name], $"{path}.{name}", nullEqualsEmptyArray);
                }

                foreach (var (name, value) in producedObject)
                {
                    Assert.True(recordedObject.ContainsKey(name) || value is null, $"{path}.{name}: the model invented a value the server did not send: {value?.ToJsonString()}");
                }

                break;
            case JsonArray recordedArray:
                if (produced is null && nullEqualsEmptyArray && recordedArray.Count == 0)
                {
                    return;
                }

                var producedArray = Assert.IsType<JsonArray>(produced, exactMatch: false);
                Assert.True(recordedArray.Count == producedArray.Count, $"{path}: {recordedArray.Count} items recorded, {producedArray.Count} produced");
                for (var i = 0; i < recordedArray.Count; i++)
                {
                    AssertNoFieldLost(recordedArray[i], producedArray[i], $"{path}[{i}]", nullEqualsEmptyArray);
                }

                break;
            default:
                var recordedValue = recorded.AsValue();
                Assert.NotNull(produced);
                var producedValue = produced.AsValue();
                if (recordedValue.GetValueKind() == JsonValueKind.Number)
                {
                    Assert.True(
                        producedValue.GetValueKind() == JsonValueKind.Number && double.Parse(recordedValue.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(producedValue.ToJsonString(), CultureInfo.InvariantCulture),
                        $"{path}: recorded {recordedValue.ToJsonString()}, produced {producedValue.ToJsonString()}");
                }
                else
                {
                    Assert.True(recordedValue.ToJsonString() == producedValue.ToJsonString(), $"{path}: recorded {recordedValue.ToJsonString()}, produced {producedValue.ToJsonString()}");
                }

                break;
        }
    }
}
