namespace Gatehouse.Cedar;

/// <summary>Cedar's two authorization answers; with no satisfied permit, the answer is deny.</summary>
public enum CedarDecision
{
    Deny,
    Allow,
}
