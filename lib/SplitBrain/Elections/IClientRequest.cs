namespace SplitBrain;

/// <summary>A client's request to a leader, named so that the leader can match the store's reply to it.</summary>
public interface IClientRequest
{
    /// <summary>Names the request, like <c>w1</c> or <c>client-1/3</c>.</summary>
    string RequestId { get; }
}
