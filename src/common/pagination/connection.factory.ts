import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.object';

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay-style `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge implements EdgeShape<T> {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

export function toConnection<T>(rows: T[], first: number, totalCount: number, cursorOf: (row: T) => string): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
