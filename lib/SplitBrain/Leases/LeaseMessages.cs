namespace SplitBrain;

/// <summary>Asks the lock service for the lease on <paramref name="Resource"/>.</summary>
/// <param name="Resource">The resource.</param>
public sealed record AcquireLease(string Resource) : Message;

/// <summary>Asks the lock service to extend the lease with <paramref name="Token"/> by another TTL.</summary>
/// <param name="Token">The token of the lease to renew.</param>
public sealed record RenewLease(FencingToken Token) : Message;

/// <summary>The lock service granted or renewed <paramref name="Lease"/>.</summary>
/// <param name="Lease">The lease, with its token and expiry.</param>
public sealed record LeaseGrant(Lease Lease) : Message;

/// <summary>The lock service refused: someone else holds the lease, or the one being renewed has expired.</summary>
/// <param name="Reason">Why.</param>
public sealed record LeaseDenied(string Reason) : Message;
