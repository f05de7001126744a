using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>Member readers that never throw: unknown members are ignored, required ones are checked strictly.</summary>
internal static class JsonFields
{
    public static bool Has(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    /// <summary>A string member, or null when absent, not a string, or not valid UTF-16 once unescaped ("\ud800").</summary>
    public static string? OptionalString(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? AsString(value) : null;

    /// <summary>A required string member: present, a string, not blank, free of control characters.</summary>
    public static bool TryRequiredString(
        this JsonElement obj, string name, string path, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var member))
            error = $"{path} is missing";
        else if (member.ValueKind != JsonValueKind.String)
            error = $"{path} is a JSON {member.ValueKind}, not a string";
        else if (AsString(member) is not { } text)
            error = $"{path} is not valid UTF-16";
        else if (string.IsNullOrWhiteSpace(text))
            error = $"{path} is empty";
        else if (text.Any(char.IsControl))
            error = $"{path} contains control characters";
        else
        {
            value = text;
            error = null;
            return true;
        }

        return false;
    }

    /// <summary>Reasons go to logs: quote untrusted text short and printable.</summary>
    public static string Quote(string? text)
    {
        if (text is null)
            return "null";

        const int Max = 64;
        var shown = new string([.. text.Take(Max).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return text.Length > Max ? $"\"{shown}…\"" : $"\"{shown}\"";
    }

    private static string? AsString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            return null;

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape cannot become a .NET string.
            return null;
        }
    }
}
