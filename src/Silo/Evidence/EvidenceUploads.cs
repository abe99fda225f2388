using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Silo.Evidence;

/// <summary>
/// The rule for attaching evidence (tài liệu kiểm chứng), in one place for whoever uploads: only to an appraisal item,
/// and only while the unit may enter that item's self score (its draft before the deadline, or an item returned to it),
/// as the scorecard and the cycle grains hold them now. Then the file is checked and stored by <see cref="EvidenceStore"/>.
/// </summary>
public sealed class EvidenceUploads(IGrainFactory grains, EvidenceStore evidence, TimeProvider clock)
{
    /// <exception cref="DomainException">Not an appraisal item, or the scorecard takes no self score for it now; nothing stored.</exception>
    public async Task<EvidenceFile> AddAsync(string cycleId, string unitCode, string itemCode, string fileName, Stream content, string user,
        CancellationToken cancellationToken = default)
    {
        var cycle = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();
        if (cycle.FrameworkOf(unitCode).FindItem(itemCode) is not { Source: ItemSource.Appraisal })
            throw new DomainException($"Không có tiêu chí \"{itemCode}\" để gắn tài liệu kiểm chứng.");
        var card = await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycleId, unitCode)).GetAsync();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (WorkflowPolicy.Check(card.Workflow, WorkflowAction.EnterSelfScore, today, cycle.Cycle.SelfAssessmentDeadline, [itemCode]) is { } refusal)
            throw new DomainException("Không tải được tài liệu kiểm chứng: " + refusal);
        return await evidence.AddAsync(cycleId, unitCode, itemCode, fileName, content, user, cancellationToken);
    }
}
