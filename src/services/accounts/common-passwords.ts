// The most common passwords of public breach corpora, with their usual Russian and French counterparts.
// A password equal to one of these (or to one followed by digits) is refused.
export const COMMON_PASSWORDS = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty', '12345', 'qwerty123', '1q2w3e4r', '111111', '1234567890',
  '1234567', 'password1', '123123', 'abc123', 'iloveyou', 'admin', 'welcome', 'monkey', 'dragon', 'letmein',
  'football', 'baseball', 'sunshine', 'princess', 'master', 'shadow', 'superman', 'michael', 'trustno1', 'passw0rd',
  'qwertyuiop', 'azerty', 'azertyuiop', 'motdepasse', 'soleil', 'bonjour', 'chocolat', 'doudou', 'marseille',
  'loulou', 'nicolas', 'jetaime', 'coucou', 'camille', 'ytrewq', 'qazwsx', 'zxcvbnm', 'asdfghjkl', '1qaz2wsx',
  'пароль', 'йцукен', 'привет', 'любовь', 'наташа', 'солнышко', 'qwerty12', 'password123', 'welcome1', 'changeme',
  'administrator', 'root', 'test', 'guest', 'default', 'secret', 'starwars', 'whatever', 'freedom', 'hello',
  'charlie', 'jordan', 'hunter', 'batman', 'killer', 'ginger', 'cookie', 'flower', 'summer', 'winter',
  'clusterbridge', 'obninsk', 'kaluga', 'limoges', 'limousin', 'калуга', 'обнинск',
]);
