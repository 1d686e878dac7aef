import { ReplyType } from '@bluetick/contracts';
import type { CanonicalReply } from '../types';
import { recordAt, scalarAt, stringAt } from './json-reading';

type ChoiceType = typeof ReplyType.ButtonsReply | typeof ReplyType.ListReply;

/**
 * A button or list tap from its `{id, title, description?}` object. `mapId` strips a
 * provider's id prefix where it adds one (spec, Whapi); Meta returns our ids verbatim.
 */
export function choiceReply(
  type: ChoiceType,
  choice: unknown,
  payload: unknown,
  mapId: (id: string) => string = (id) => id,
): CanonicalReply {
  const id = scalarAt(choice, 'id');
  return {
    type,
    id: id === undefined ? null : mapId(id),
    title: stringAt(choice, 'title') ?? null,
    text: stringAt(choice, 'description') ?? null,
    payload,
  };
}

/** `{text: {body}}`, the shape all three formats share. */
export function textReply(item: unknown): CanonicalReply {
  return { type: ReplyType.Text, id: null, title: null, text: stringAt(recordAt(item, 'text'), 'body') ?? '', payload: item };
}

/** Any other customer message, labelled with its kind ("image"); a media caption is kept as text. */
export function otherReply(kind: string, item: unknown, text: string | null = stringAt(recordAt(item, kind), 'caption') ?? null): CanonicalReply {
  return { type: ReplyType.Other, id: null, title: kind, text, payload: item };
}

export function isChoiceType(value: string | undefined): value is ChoiceType {
  return value === ReplyType.ButtonsReply || value === ReplyType.ListReply;
}
