import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimalFrom(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  // Integers are exact in JSON; fractional JS numbers may already have lost digits, so they are refused.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new GraphQLError(`Decimal must be a decimal number written as a string, e.g. "4755356.00"; got ${JSON.stringify(value)}`);
}

/** Exact decimals travel as strings: money never passes through a float. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "4755356.00". Money is rendered with its currency\'s minor units.',
  serialize: (v) => (typeof v === 'string' ? v : decimalFrom(v)),
  parseValue: decimalFrom,
  parseLiteral(ast: ValueNode) {
    // Literals keep their source text, so 0.1 in a query stays exactly "0.1".
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      if (DECIMAL.test(ast.value)) return ast.value;
    }
    throw new GraphQLError('Decimal must be a decimal number, e.g. "4755356.00"', { nodes: ast });
  },
});

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
function yearMonthFrom(value: unknown): string {
  if (typeof value === 'string' && YEAR_MONTH.test(value)) return value;
  throw new GraphQLError(`YearMonth must be "YYYY-MM"; got ${JSON.stringify(value)}`);
}

export const YearMonthScalar = new GraphQLScalarType({
  name: 'YearMonth',
  description: 'A calendar month, "YYYY-MM".',
  serialize: yearMonthFrom,
  parseValue: yearMonthFrom,
  parseLiteral(ast: ValueNode) {
    if (ast.kind === Kind.STRING) return yearMonthFrom(ast.value);
    throw new GraphQLError('YearMonth must be a string "YYYY-MM"', { nodes: ast });
  },
});

export { DateTimeResolver as DateTimeScalar, JSONResolver as JSONScalar };
