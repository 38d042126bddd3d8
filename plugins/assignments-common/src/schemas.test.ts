import { bookingSchema, localDateTime, transitionSchema } from './schemas';

const valid = {
  title: 'Brukarrevision',
  type: 'user-audit',
  description: 'Granska mottagningen tillsammans med oss.',
  unit: 'skane-malmo-avd-3',
  contactName: 'Lena Ahmadi',
  contactEmail: 'lena@example.se',
  digitalLink: 'https://meet.example.se/x',
  slots: [{ start: '2027-03-29T18:00', end: '2027-03-29T20:00' }],
  estimatedHours: 2,
  peersWanted: 1,
  experienceWanted: 'relative',
  language: 'sv',
  interestDeadline: '2027-03-20',
  costCentre: 'KS-1',
};

describe('booking form schema', () => {
  it('accepts a complete booking', () => {
    expect(bookingSchema.safeParse(valid).success).toBe(true);
  });

  it('names each wrong field', () => {
    const result = bookingSchema.safeParse({
      ...valid,
      title: '',
      digitalLink: undefined,
      interestDeadline: '2027-04-01',
      slots: [{ start: '2027-02-30T10:00', end: '2027-03-01T10:00' }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map(i => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'slots.0.start']));
  });

  it('checks place-or-link and the deadline against the first slot', () => {
    const noPlace = bookingSchema.safeParse({
      ...valid,
      digitalLink: undefined,
    });
    expect(noPlace.error?.issues.map(i => i.path.join('.'))).toEqual(['place']);
    const late = bookingSchema.safeParse({
      ...valid,
      interestDeadline: '2027-03-30',
    });
    expect(late.error?.issues.map(i => i.path.join('.'))).toEqual([
      'interestDeadline',
    ]);
  });

  it('reads local times strictly', () => {
    expect(localDateTime.safeParse('2027-03-29T18:00').success).toBe(true);
    expect(localDateTime.safeParse('2027-03-29 18:00').success).toBe(false);
    expect(localDateTime.safeParse('2027-03-29T24:00').success).toBe(false);
    expect(localDateTime.safeParse('2027-02-29T10:00').success).toBe(false);
  });

  it('asks for a reason to decline, and the hours to complete', () => {
    expect(transitionSchema.safeParse({ action: 'decline' }).success).toBe(
      false,
    );
    expect(
      transitionSchema.safeParse({ action: 'decline', reason: 'Passar inte' })
        .success,
    ).toBe(true);
    const complete = transitionSchema.safeParse({
      action: 'complete',
      peers: [
        { userRef: 'user:default/a', actualHours: 2 },
        { userRef: 'user:default/a', actualHours: 1 },
      ],
    });
    expect(complete.error?.issues[0].message).toBe('must not repeat a person');
  });
});
