/**
 * What waits for whom in the network of networks, as the commons home lists it and as the
 * dashboard counts it (the count no longer builds the whole home, so both must agree):
 * coordinators see open consultations their network has not endorsed, observers submitted
 * recommendations to answer, moderators endorsed ones to submit and proposals to decide on.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildRecommendation, buildUser } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { endorseRecommendation } from "./recommendation-endorsements";
import { proposeGoodPractice } from "./good-practices";
import { commonsActionCount, commonsHome } from "./home";

const server = useTestServer();
const db = () => server.services.db;

describe(`commons home and the dashboard's count (${process.env.TEST_DATABASE})`, () => {
  it("counts for each person exactly what the home lists as waiting for them", async () => {
    const [a, b] = [await buildNetwork(db()), await buildNetwork(db())];
    const coordinatorA = await buildUser(db(), { memberships: [{ networkId: a.id, role: "coordinator" }] });
    const coordinatorB = await buildUser(db(), { memberships: [{ networkId: b.id, role: "coordinator" }] });
    const memberA = await buildUser(db(), { memberships: [{ networkId: a.id, role: "member" }] });
    const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
    const observer = await buildUser(db(), { platformRoles: ["observer"] });
    const actor = (id: string) => loadActor(db(), id);

    const first = await buildRecommendation(db(), { stage: "consultation", threshold: 2 });
    const second = await buildRecommendation(db(), { stage: "consultation", threshold: 2 });
    await buildRecommendation(db(), { stage: "endorsed" });
    await buildRecommendation(db(), { stage: "submitted" });
    await buildRecommendation(db(), { stage: "draft" });
    const endorsed = await endorseRecommendation(server.services, await actor(coordinatorA.id), first.id, { networkId: a.id, statement: "" });
    expect(endorsed.ok).toBe(true);
    const proposal = await proposeGoodPractice(server.services, await actor(memberA.id), {
      title: "Ausbildungsverbund",
      summary: "Betriebe teilen sich die Ausbildung.",
      occupationalField: "textileCrafts",
      country: "DE",
      partners: "Kammer",
      themeCluster: "sectors",
      link: null,
    });
    expect(proposal.ok).toBe(true);

    const expected = new Map([
      // Endorsing stays open once a recommendation is endorsed: network A has the second and the endorsed one left.
      [coordinatorA.id, { toEndorse: 2, toAnswer: 0, toSubmit: 0, proposals: 0 }],
      [coordinatorB.id, { toEndorse: 3, toAnswer: 0, toSubmit: 0, proposals: 0 }],
      [memberA.id, { toEndorse: 0, toAnswer: 0, toSubmit: 0, proposals: 0 }],
      [moderator.id, { toEndorse: 0, toAnswer: 0, toSubmit: 1, proposals: 1 }],
      [observer.id, { toEndorse: 0, toAnswer: 1, toSubmit: 0, proposals: 0 }],
    ]);
    for (const [id, actions] of expected) {
      const home = await commonsHome(server.services, await actor(id));
      expect(home.actions, id).toEqual(actions);
      const total = actions.toEndorse + actions.toAnswer + actions.toSubmit + actions.proposals;
      expect(await commonsActionCount(server.services, await actor(id)), id).toBe(total);
    }

    const home = await commonsHome(server.services, await actor(coordinatorA.id));
    const consultation = (id: string) => home.consultations.find((c) => c.id === id);
    expect(home.consultations).toHaveLength(3); // the two in consultation and the endorsed one
    expect(consultation(first.id)).toMatchObject({ endorsements: 1, needsMyEndorsement: false });
    expect(consultation(second.id)).toMatchObject({ endorsements: 0, needsMyEndorsement: true });
  });
});
