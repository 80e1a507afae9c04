using System.Text.Json;
using System.Text.Json.Serialization;

namespace SplitBrain.Lab;

/// <summary>
/// One line a lab client process prints, as JSON, so the lab can follow it: <c>acquired</c> (with its token),
/// <c>wrote</c> (with the guard's verdict), <c>ready</c> (waiting for the next command), <c>lost</c> (its keep-alive
/// found the lease gone), <c>released</c>.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Client">The client's name.</param>
/// <param name="Token">The token involved, if any.</param>
/// <param name="Accepted">For <c>wrote</c>: whether the guard accepted.</param>
/// <param name="Balance">For <c>wrote</c>: the balance after the decision.</param>
/// <param name="Detail">The guard's reason, or other words.</param>
public sealed record ClientLine(string Kind, string Client, long? Token = null, bool? Accepted = null, long? Balance = null, string? Detail = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The line as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a line printed by <see cref="ToJson"/>; null for any other text.</summary>
    /// <param name="text">A line of a client's output.</param>
    public static ClientLine? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ClientLine>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
