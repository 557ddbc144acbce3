/**
 * The demo organisations: the places of the seed documents and their departments.
 * `parent` names the superior department in the same domain (city → county; county → township).
 */
export interface DemoOrg {
  name: string;
  shortName: string;
  regionCode: string;
  domain: string;
  kind: "agency" | "justice_bureau" | "township" | "government";
  parent?: string;
  contactPerson?: string;
  contactPhone?: string;
}

export const demoOrganisations: DemoOrg[] = [
  // 三明市 (seed 000) and 明溪县 (seed 001)
  {
    name: "三明市应急管理局",
    shortName: "明应急",
    regionCode: "350400",
    domain: "应急管理",
    kind: "agency",
    contactPerson: "林晓东",
    contactPhone: "0598-8221234",
  },
  {
    name: "三明市司法局",
    shortName: "明司",
    regionCode: "350400",
    domain: "司法行政",
    kind: "justice_bureau",
    contactPerson: "陈文华",
    contactPhone: "0598-8225678",
  },
  { name: "明溪县人民政府", shortName: "明溪政", regionCode: "350421", domain: "人民政府", kind: "government" },
  {
    name: "明溪县应急管理局",
    shortName: "明溪应急",
    regionCode: "350421",
    domain: "应急管理",
    kind: "agency",
    parent: "三明市应急管理局",
    contactPerson: "黄志强",
    contactPhone: "0598-2811234",
  },
  {
    name: "明溪县市场监督管理局",
    shortName: "明溪市监",
    regionCode: "350421",
    domain: "市场监管",
    kind: "agency",
    contactPerson: "吴丽娟",
    contactPhone: "0598-2812345",
  },
  {
    name: "明溪县交通运输局",
    shortName: "明溪交",
    regionCode: "350421",
    domain: "交通运输",
    kind: "agency",
    contactPerson: "罗建平",
    contactPhone: "0598-2813456",
  },
  {
    name: "明溪县城市管理局",
    shortName: "明溪城管",
    regionCode: "350421",
    domain: "城市管理",
    kind: "agency",
    contactPerson: "邱明",
    contactPhone: "0598-2814567",
  },
  {
    name: "明溪县司法局",
    shortName: "明溪司",
    regionCode: "350421",
    domain: "司法行政",
    kind: "justice_bureau",
    contactPerson: "张秀英",
    contactPhone: "0598-2815678",
  },
  { name: "明溪县雪峰镇人民政府", shortName: "雪峰镇", regionCode: "350421100", domain: "乡镇人民政府", kind: "township", parent: "明溪县人民政府" },
  // 舟山市 (seed 002)
  {
    name: "舟山市司法局",
    shortName: "舟司",
    regionCode: "330900",
    domain: "司法行政",
    kind: "justice_bureau",
    contactPerson: "王海波",
    contactPhone: "0580-2021234",
  },
  {
    name: "舟山市应急管理局",
    shortName: "舟应急",
    regionCode: "330900",
    domain: "应急管理",
    kind: "agency",
    contactPerson: "李海燕",
    contactPhone: "0580-2022345",
  },
  {
    name: "舟山市市场监督管理局",
    shortName: "舟市监",
    regionCode: "330900",
    domain: "市场监管",
    kind: "agency",
    contactPerson: "周军",
    contactPhone: "0580-2023456",
  },
  // 泉州市 / 晋江市 (seed 003)
  {
    name: "泉州市应急管理局",
    shortName: "泉应急",
    regionCode: "350500",
    domain: "应急管理",
    kind: "agency",
    contactPerson: "郑国平",
    contactPhone: "0595-22181234",
  },
  {
    name: "晋江市应急管理局",
    shortName: "晋应急",
    regionCode: "350582",
    domain: "应急管理",
    kind: "agency",
    parent: "泉州市应急管理局",
    contactPerson: "施伟民",
    contactPhone: "0595-85681234",
  },
  {
    name: "晋江市司法局",
    shortName: "晋司",
    regionCode: "350582",
    domain: "司法行政",
    kind: "justice_bureau",
    contactPerson: "许丽华",
    contactPhone: "0595-85682345",
  },
  {
    name: "晋江市安海镇人民政府",
    shortName: "安海镇",
    regionCode: "350582101",
    domain: "乡镇人民政府",
    kind: "township",
    parent: "晋江市应急管理局",
    contactPerson: "颜志明",
    contactPhone: "0595-85781234",
  },
  {
    name: "晋江市陈埭镇人民政府",
    shortName: "陈埭镇",
    regionCode: "350582103",
    domain: "乡镇人民政府",
    kind: "township",
    parent: "晋江市应急管理局",
    contactPerson: "丁文彬",
    contactPhone: "0595-85171234",
  },
  // 重庆市沙坪坝区 (seed 004)
  {
    name: "重庆市沙坪坝区应急管理局",
    shortName: "沙应急",
    regionCode: "500106",
    domain: "应急管理",
    kind: "agency",
    contactPerson: "刘洋",
    contactPhone: "023-65361234",
  },
  {
    name: "重庆市沙坪坝区市场监督管理局",
    shortName: "沙市监",
    regionCode: "500106",
    domain: "市场监管",
    kind: "agency",
    contactPerson: "杨静",
    contactPhone: "023-65362345",
  },
  {
    name: "重庆市沙坪坝区城市管理局",
    shortName: "沙城管",
    regionCode: "500106",
    domain: "城市管理",
    kind: "agency",
    contactPerson: "何勇",
    contactPhone: "023-65363456",
  },
  {
    name: "重庆市沙坪坝区司法局",
    shortName: "沙司",
    regionCode: "500106",
    domain: "司法行政",
    kind: "justice_bureau",
    contactPerson: "唐敏",
    contactPhone: "023-65364567",
  },
];

export const DEMO_PASSWORD = "Kuanyan@2026";

export interface DemoUser {
  username: string;
  displayName: string;
  organisation: string;
  roles: string[];
  licenceNo?: string;
  phone?: string;
}

/** One demo user per role (and a second officer: inspections need two, 行政处罚法 第四十二条). */
export const demoUsers: DemoUser[] = [
  {
    username: "demo-officer",
    displayName: "李明（执法人员）",
    organisation: "明溪县应急管理局",
    roles: ["officer"],
    licenceNo: "35042120260001",
    phone: "13805981234",
  },
  {
    username: "demo-officer2",
    displayName: "王芳（执法人员）",
    organisation: "明溪县应急管理局",
    roles: ["officer"],
    licenceNo: "35042120260002",
    phone: "13905982345",
  },
  { username: "demo-reviewer", displayName: "赵敏（法制审核）", organisation: "明溪县应急管理局", roles: ["legalReviewer"], phone: "13705983456" },
  { username: "demo-listmanager", displayName: "陈刚（清单管理）", organisation: "三明市应急管理局", roles: ["listManager"], phone: "13605984567" },
  // The city bureau's own 法制审核: without one, demo-listmanager's list could never pass 合法性审核.
  {
    username: "demo-reviewer-city",
    displayName: "吴静（市局法制审核）",
    organisation: "三明市应急管理局",
    roles: ["legalReviewer"],
    phone: "13605985678",
  },
  {
    username: "demo-listmanager-mx",
    displayName: "黄丽（清单管理）",
    organisation: "明溪县应急管理局",
    roles: ["listManager"],
    phone: "13505985678",
  },
  { username: "demo-orgadmin", displayName: "周强（单位管理员）", organisation: "明溪县应急管理局", roles: ["orgAdmin"], phone: "13305986789" },
  { username: "demo-justice", displayName: "张秀英（司法局监督）", organisation: "明溪县司法局", roles: ["justiceSupervisor"], phone: "13205987890" },
  {
    username: "demo-justice-city",
    displayName: "陈文华（市司法局监督）",
    organisation: "三明市司法局",
    roles: ["justiceSupervisor"],
    phone: "13105988901",
  },
  {
    username: "demo-officer-jj",
    displayName: "施晓峰（执法人员）",
    organisation: "晋江市应急管理局",
    roles: ["officer"],
    licenceNo: "35058220260001",
    phone: "13805951234",
  },
  { username: "demo-admin", displayName: "系统管理员", organisation: "三明市司法局", roles: ["sysAdmin"] },
];
