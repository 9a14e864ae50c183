// KgQuery: the kg query language (docs/query-language.md, DESIGN §3).
// Keywords are case-insensitive (letter fragments: ANTLR 4.7.2 has no
// caseInsensitive option). The parse tree never leaves query/parser.
grammar KgQuery;

script        : SEMI* (statement (SEMI+ statement)*)? SEMI* EOF ;

statement     : EXPLAIN? (whyQuery | compareQuery | matchQuery) ;

matchQuery    : MATCH? patternList optionalClause* whereClause? returnClause? orderClause? pageClause ;
optionalClause: OPTIONAL MATCH? patternList ;
whereClause   : WHERE expr ;
returnClause  : RETURN DISTINCT? (STAR | returnItem (COMMA returnItem)*) ;
returnItem    : expr (AS NAME)? ;
orderClause   : ORDER BY orderItem (COMMA orderItem)* ;
orderItem     : expr (ASC | DESC)? ;
pageClause    : (limitClause offsetClause? | offsetClause limitClause?)? ;
limitClause   : LIMIT NUMBER ;
offsetClause  : OFFSET NUMBER ;

whyQuery      : WHY patternList whereClause? ;
compareQuery  : COMPARE ALL? articleRef WITH articleRef (ABOUT node)? WHY? ;
articleRef    : STRING | NAME ;

patternList   : pattern (COMMA pattern)* ;
pattern       : node (edge node)+ (AT (VAR | STRING | NAME))? ;
node          : VAR | STRING | NAME | literal ;
edge          : MINUS path ARROW_R      # forwardEdge
              | ARROW_L path MINUS      # backwardEdge
              ;
path          : pathSeq (PIPE pathSeq)* ;
pathSeq       : pathElt (SLASH pathElt)* ;
pathElt       : pathPrimary pathMod? ;
pathMod       : PLUS | STAR | QMARK | LBRACE NUMBER (COMMA NUMBER?)? RBRACE ;
pathPrimary   : predName | VAR | CARET pathPrimary | LPAREN path RPAREN ;
predName      : NAME | STRING | keyword ;

literal       : NUMBER NAME? NAME?            # numberLit
              | CURRENCY NUMBER NAME?         # moneyLit
              | DATE_LIT                      # dateLit
              | (TRUE | FALSE)                # boolLit
              | NAME LPAREN STRING RPAREN     # callLit
              ;

expr          : andExpr (OR andExpr)* ;
andExpr       : notExpr (AND notExpr)* ;
notExpr       : NOT notExpr | predicate ;
predicate     : operand ( compOp operand
                        | NOT? CONTAINS operand
                        | NOT? STARTS WITH operand
                        | NOT? ENDS WITH operand
                        | NOT? IN LBRACK (operand (COMMA operand)*)? RBRACK
                        | IS NOT? NULL_ )? ;
compOp        : EQ | EQEQ | NEQ | LT | LE | GT | GE ;
operand       : VAR                                               # varOperand
              | aggFunc LPAREN DISTINCT? (STAR | expr) RPAREN      # aggOperand
              | NAME LPAREN (expr (COMMA expr)*)? RPAREN           # callOperand
              | literal                                           # literalOperand
              | STRING                                            # stringOperand
              | NAME                                              # nameOperand
              | LPAREN expr RPAREN                                # parenOperand
              ;
aggFunc       : COUNT | SUM | MIN | MAX | AVG ;

keyword       : MATCH | OPTIONAL | WHERE | RETURN | DISTINCT | AS | ORDER | BY | ASC | DESC | LIMIT
              | OFFSET | WHY | COMPARE | ALL | WITH | ABOUT | EXPLAIN | AND | OR | NOT | CONTAINS | STARTS
              | ENDS | IN | IS | NULL_ | TRUE | FALSE | COUNT | SUM | MIN | MAX | AVG ;

// ---- lexer ----
MATCH    : M A T C H ;
OPTIONAL : O P T I O N A L ;
WHERE    : W H E R E ;
RETURN   : R E T U R N ;
DISTINCT : D I S T I N C T ;
AS       : A S ;
ORDER    : O R D E R ;
BY       : B Y ;
ASC      : A S C ;
DESC     : D E S C ;
LIMIT    : L I M I T ;
OFFSET   : O F F S E T ;
WHY      : W H Y ;
COMPARE  : C O M P A R E ;
ALL      : A L L ;
WITH     : W I T H ;
ABOUT    : A B O U T ;
EXPLAIN  : E X P L A I N ;
AND      : A N D ;
OR       : O R ;
NOT      : N O T ;
CONTAINS : C O N T A I N S ;
STARTS   : S T A R T S ;
ENDS     : E N D S ;
IN       : I N ;
IS       : I S ;
NULL_    : N U L L ;
TRUE     : T R U E ;
FALSE    : F A L S E ;
COUNT    : C O U N T ;
SUM      : S U M ;
MIN      : M I N ;
MAX      : M A X ;
AVG      : A V G ;

ARROW_R  : '->' ;
ARROW_L  : '<-' ;
EQEQ     : '==' ;
NEQ      : '!=' | '<>' ;
LE       : '<=' ;
GE       : '>=' ;
EQ       : '=' ;
LT       : '<' ;
GT       : '>' ;
MINUS    : '-' ;
PLUS     : '+' ;
STAR     : '*' ;
SLASH    : '/' ;
PIPE     : '|' ;
CARET    : '^' ;
AT       : '@' ;
COMMA    : ',' ;
SEMI     : ';' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
CURRENCY : '$' | '\u20AC' | '\u00A3' | '\u00A5' ;

DATE_LIT : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT ('-' DIGIT DIGIT)? ;
NUMBER   : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? ;
VAR      : '?' NAME_START NAME_CHAR* ;
QMARK    : '?' ;
NAME     : NAME_START NAME_CHAR* ('.' NAME_CHAR+)* ;
STRING   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
         | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\'' ;
// An unterminated string and any other stray character become tokens of
// their own so the parser front end can report them with friendly messages.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* | '\'' (~['\\\r\n] | '\\' ~[\r\n])* ;
COMMENT  : '#' ~[\r\n]* -> skip ;
WS       : [ \t\r\n\u00A0\uFEFF]+ -> skip ;
ERROR_CHAR : . ;

fragment NAME_START : [\p{L}_] ;
fragment NAME_CHAR  : [\p{L}\p{N}_] ;
fragment DIGIT : [0-9] ;
fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
